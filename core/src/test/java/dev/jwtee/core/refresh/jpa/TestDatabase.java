package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the JPA store tests run on. H2 runs in-process and always; PostgreSQL and
 * MariaDB are servers on 127.0.0.1 and run only when listed in the system property
 * {@value #PROPERTY} ({@code -Djwtee.test.databases=postgresql,mariadb}). Each test class gets a
 * schema of its own, named after the process, so that parallel runs on one server do not meet.
 *
 * <p>Server addresses and users can be changed with {@code jwtee.test.postgresql.url},
 * {@code jwtee.test.postgresql.user}, {@code jwtee.test.mariadb.url} and
 * {@code jwtee.test.mariadb.user}; passwords are empty.
 */
enum TestDatabase {

    H2("h2", null, null),
    POSTGRESQL("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");

    /** System property listing the server databases to test on. */
    static final String PROPERTY = "jwtee.test.databases";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final Set<TestDatabase> ANNOUNCED = EnumSet.noneOf(TestDatabase.class);

    private final String id;
    private final String defaultUrl;
    private final String defaultUser;

    TestDatabase(String id, String defaultUrl, String defaultUser) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
    }

    /** Returns the name used in {@value #PROPERTY} and in the DDL file name. */
    String id() {
        return id;
    }

    /** Returns the published DDL for this database. */
    Path ddlFile() {
        return Path.of("src", "main", "ddl", id + ".sql");
    }

    /** Tells whether tests run on this database in this build. */
    boolean enabled() {
        if (this == H2) {
            return true;
        }
        String listed = System.getProperty(PROPERTY, "");
        return Arrays.stream(listed.split(","))
                .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                .anyMatch(id::equals);
    }

    /** Skips the calling test unless enabled, saying once in the test output how to enable. */
    void assumeEnabled() {
        boolean enabled = enabled();
        synchronized (ANNOUNCED) {
            if (!enabled && ANNOUNCED.add(this)) {
                System.out.println("[jwtee] Refresh-token store tests on " + id + " SKIPPED:"
                        + " run with -D" + PROPERTY + "=postgresql,mariadb (needs the servers on"
                        + " 127.0.0.1; .ci/run starts them)");
            }
        }
        assumeTrue(enabled, id + " tests skipped; enable with -D" + PROPERTY
                + "=postgresql,mariadb");
    }

    /**
     * Creates an empty schema (a database on MariaDB, a file database on H2) for one test class.
     *
     * @param purpose a short lower-case word that ends up in the schema name
     * @return the schema; close it to drop it
     */
    TestSchema createSchema(String purpose) throws Exception {
        String name = "jwtee_" + purpose + "_" + ProcessHandle.current().pid() + "_"
                + SCHEMAS.incrementAndGet();
        switch (this) {
            case H2:
                Path dir = Files.createTempDirectory(name);
                return new TestSchema(this, name, "jdbc:h2:file:" + dir.resolve(name)
                        + ";LOCK_TIMEOUT=10000", "sa", () -> deleteTree(dir));
            case POSTGRESQL:
                execute("CREATE SCHEMA " + name);
                return new TestSchema(this, name, url() + "?currentSchema=" + name, user(),
                        () -> execute("DROP SCHEMA " + name + " CASCADE"));
            default:
                execute("CREATE DATABASE " + name);
                return new TestSchema(this, name, url().substring(0, url().lastIndexOf('/') + 1)
                        + name, user(), () -> execute("DROP DATABASE " + name));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(id + " at " + url() + " as " + user() + ": " + e.getMessage()
                    + " (is the server running? .ci/run starts it)", e.getSQLState(), e);
        }
    }

    private String url() {
        return System.getProperty("jwtee.test." + id + ".url", defaultUrl);
    }

    private String user() {
        return System.getProperty("jwtee.test." + id + ".user", defaultUser);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
