package dev.jwtee.examples.benchmarks;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshRejectedException;
import dev.jwtee.core.refresh.RefreshTokenService;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.jpa.JpaRefreshTokenStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one refresh-token rotation through {@link RefreshTokenService}: on the JPA store
 * (Hibernate), and on {@link JdbcRotationStore}, which issues the same statements by hand. Both
 * run on the same tables of the same database, so their ratio is the cost of JPA. Each
 * invocation rotates the token the previous one issued, so every rotation is a real one:
 * family lock, token lock, insert of the successor, update of the presented row, commit.
 *
 * <p>PostgreSQL runs need a server on 127.0.0.1:5432 with database {@code test} and trust
 * authentication for {@code postgres} (system properties {@code jwtee.bench.postgresql.url} and
 * {@code jwtee.bench.postgresql.user} change that); the benchmark creates and drops a schema
 * of its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RotationBenchmark {

    /** Lifetimes long enough that no token expires during a run. */
    private static final RefreshSettings SETTINGS = new RefreshSettings(true, StoreKind.JPA,
            Duration.ofDays(14), Duration.ofDays(30), Map.of());

    /** {@code h2} (in-memory, in this JVM) or {@code postgresql}. */
    @Param({"h2", "postgresql"})
    public String database;

    /** {@code jpa} for the JPA store, {@code jdbc} for the hand-written baseline. */
    @Param({"jpa", "jdbc"})
    public String store;

    private String schema;
    private String url;
    private String user;
    private EntityManagerFactory factory;
    private Connection connection;
    private RefreshTokenService service;
    private String current;

    /** Creates the tables through the persistence unit, then the store under test. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        schema = "jwtee_bench_" + ProcessHandle.current().pid();
        if (database.equals("h2")) {
            url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
            user = "sa";
        } else {
            String server = System.getProperty("jwtee.bench.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test");
            user = System.getProperty("jwtee.bench.postgresql.user", "postgres");
            execute(server, "CREATE SCHEMA " + schema);
            url = server + "?currentSchema=" + schema;
        }
        factory = Persistence.createEntityManagerFactory(JpaRefreshTokenStore.PERSISTENCE_UNIT,
                Map.of("jakarta.persistence.jdbc.url", url,
                        "jakarta.persistence.jdbc.user", user,
                        "jakarta.persistence.jdbc.password", ""));
        RefreshTokenStore tokens;
        if (store.equals("jpa")) {
            tokens = new JpaRefreshTokenStore(factory);
        } else {
            connection = DriverManager.getConnection(url, user, "");
            tokens = new JdbcRotationStore(connection);
        }
        service = new RefreshTokenService(tokens, SETTINGS, Clock.systemUTC());
        current = service.issue("alice", List.of("customer", "vip")).value();
    }

    /** Drops what {@link #open()} created. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        factory.close();
        if (database.equals("h2")) {
            execute(url, "DROP ALL OBJECTS");
        } else {
            execute(url.substring(0, url.indexOf('?')), "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /**
     * Rotates the current token and keeps its successor for the next invocation.
     *
     * @return the successor, so that the JIT cannot drop the work
     * @throws RefreshRejectedException never in a correct run
     */
    @Benchmark
    public IssuedRefreshToken rotate() throws RefreshRejectedException {
        IssuedRefreshToken next = service.rotate(current);
        current = next.value();
        return next;
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
