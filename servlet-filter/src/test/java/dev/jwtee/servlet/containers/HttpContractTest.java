package dev.jwtee.servlet.containers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP contract of the servlet filter on an embedded servlet container. A subclass only
 * starts its container, once for the class, with the two applications of {@link ContractTable}:
 * {@code /app}, configured as an adopting application would be (EC key from a JWKS file, JPA
 * refresh-token store on an in-memory H2 through {@code jwtee.jpa.url}, no JNDI unit, an
 * application credential validator), and {@code /broken}, whose jwtee cannot start. The realm
 * comes from {@code META-INF/microprofile-config.properties} on the test class path, read
 * through SmallRye Config.
 *
 * <p>Besides the table, this class checks what only an embedded container shows: log lines,
 * the rows in the configured database and a deployment that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpContractTest {

    static final String APP = "/app";
    static final String BROKEN = "/broken";
    static final String REALM = ContractTable.REALM;
    static final String ISSUER = ContractTable.ISSUER;
    static final String KEY_ID = ContractTable.KEY_ID;
    static final String PROBLEM = ContractTable.PROBLEM;
    static final String JSON = ContractTable.JSON;
    static final String TEXT = ContractTable.TEXT;

    /** A token with the right header and a signature that no key made. */
    static final String BAD_TOKEN = ContractTable.BAD_TOKEN;

    private Path folder;
    private RunningServer server;
    private LogRecorder log;
    private Http http;
    private String databaseUrl;

    /**
     * Starts the container with {@code apps}, on 127.0.0.1 and an ephemeral port.
     *
     * @param baseDir an empty folder the container may use
     * @param apps the web applications
     * @return the running container
     */
    protected abstract RunningServer start(Path baseDir, List<TestWebApp> apps) throws Exception;

    @BeforeAll
    void startServer(@TempDir Path tempDir) throws Exception {
        folder = tempDir;
        log = LogRecorder.start("dev.jwtee");
        databaseUrl = "jdbc:h2:mem:" + getClass().getSimpleName() + ";DB_CLOSE_DELAY=-1";
        Path keys = Files.writeString(folder.resolve("keys.json"), ContractTable.jwks());
        Map<String, String> app = ContractTable.appParameters(keys.toString());
        Map<String, String> broken = ContractTable.failedStartParameters(keys.toString());
        app.put("jwtee.jpa.url", databaseUrl);
        app.put("jwtee.jpa.user", "jwtee");
        app.put("jwtee.jpa.password", "contract-db-pass");
        Path baseDir = Files.createDirectory(folder.resolve("server"));
        server = start(baseDir, List.of(new TestWebApp(APP, app), new TestWebApp(BROKEN, broken)));
        http = new Http(server.port());
    }

    @AfterAll
    void stopServer() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            log.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void contract(ContractRow row) throws Exception {
        var response = row.exchange().send(http);

        assertAll(row.name(), row.checks(response));
    }

    Stream<ContractRow> contract() {
        return ContractTable.rows(APP, BROKEN);
    }

    @Test
    void start_noJndiUnit_lookupFailsQuietly() {
        assertTrue(log.contains("dev.jwtee.servlet.JwteeFilter", Level.FINE,
                "No container-managed jwtee persistence unit"), "DEBUG line of the lookup");
    }

    @Test
    void start_jpaUrl_unitBootstrappedByJwtee() {
        assertTrue(log.contains("dev.jwtee.core.Jwtee", Level.INFO,
                "persistence unit bootstrapped by jwtee"), "start-up line names the store");
    }

    @Test
    void signIn_jpaStore_rowInConfiguredDatabase() throws Exception {
        http.signIn(APP);

        assertTrue(countRefreshTokens() > 0, "rows in jwtee_refresh_token");
    }

    @Test
    void deploy_invalidConfiguration_startFails() {
        boolean started = server.deploy(new TestWebApp("/invalid", Map.of(
                "jwtee.issuer", ISSUER, "jwtee.keys.jwks-file", folder.resolve("keys.json")
                        .toString(), "jwtee.access-token.lifetime", "5")));

        assertFalse(started, "an application with an invalid jwtee configuration started");
        assertTrue(log.contains("dev.jwtee.servlet.JwteeInitializer", Level.SEVERE,
                "jwtee.access-token.lifetime"), "ERROR line names the key");
    }

    private long countRefreshTokens() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "jwtee",
                "contract-db-pass");
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM jwtee_refresh_token")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
