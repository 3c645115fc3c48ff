package dev.jwtee.servlet.containers;

import static dev.jwtee.servlet.containers.ContractRow.Caching.APPLICATION;
import static dev.jwtee.servlet.containers.ContractRow.Caching.JWKS;
import static dev.jwtee.servlet.containers.ContractRow.Caching.NO_STORE;
import static dev.jwtee.servlet.containers.ContractRow.Caching.TOKEN_ENDPOINT;
import static dev.jwtee.servlet.containers.ContractRow.NO_BODY;
import static dev.jwtee.servlet.containers.ContractRow.bodyContains;
import static dev.jwtee.servlet.containers.ContractRow.bodyLacks;
import static dev.jwtee.servlet.containers.ContractRow.hasHeader;
import static dev.jwtee.servlet.containers.ContractRow.header;
import static dev.jwtee.servlet.containers.ContractRow.jsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.servlet.containers.ContractRow.Caching;
import dev.jwtee.servlet.containers.ContractRow.Challenge;
import dev.jwtee.servlet.containers.ContractRow.Check;
import dev.jwtee.servlet.containers.ContractRow.Exchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP contract of the servlet filter, the same table for every servlet container. A
 * subclass only starts its container, once for the class, with two applications: {@code /app},
 * configured as an adopting application would be (EC key from a JWKS file, JPA refresh-token
 * store on an in-memory H2 through {@code jwtee.jpa.url}, no JNDI unit, an application
 * credential validator), and {@code /broken}, whose credential validator class does not exist,
 * so jwtee cannot start there and must fail closed.
 *
 * <p>The realm {@value #REALM} is set only in {@code META-INF/microprofile-config.properties}
 * on the test class path, so every challenge in the table also shows that the filter reads
 * MicroProfile Config through the web application's class loader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpContractTest {

    static final String APP = "/app";
    static final String BROKEN = "/broken";
    static final String REALM = "contract";
    static final String ISSUER = "https://contract.example";
    static final String KEY_ID = "contract-es256";
    static final String PROBLEM = "application/problem+json";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain";

    /** A token with the right header and a signature that no key made. */
    static final String BAD_TOKEN = base64Url("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\""
            + KEY_ID + "\"}") + "." + base64Url("{\"sub\":\"alice\",\"iss\":\"" + ISSUER
            + "\"}") + "." + base64Url("not a signature");

    private static final String SIGN_IN = "grant_type=password&username=alice&password=";

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
        Path keys = writeJwks(folder.resolve("keys.json"));
        Map<String, String> app = new HashMap<>();
        app.put("jwtee.issuer", ISSUER);
        app.put("jwtee.keys.jwks-file", keys.toString());
        app.put("jwtee.public-paths", "/public/*");
        app.put("jwtee.credential-validator", TestCredentialValidator.class.getName());
        Map<String, String> broken = new HashMap<>(app);
        broken.put("jwtee.credential-validator", "dev.jwtee.servlet.containers.NoSuchValidator");
        broken.put("jwtee.refresh.store", "memory");
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
        Challenge bare = Challenge.bare(REALM);
        return Stream.of(
            row("no token on a protected path", h -> h.get(APP + "/protected/whoami"),
                401, bare, PROBLEM, NO_STORE),
            row("Basic scheme counts as no token", h -> h.get(APP + "/protected/whoami",
                    "Authorization", "Basic YWxpY2U6YWxpY2UtcGFzcw=="),
                401, bare, PROBLEM, NO_STORE),
            row("Bearer with two tokens is malformed", h -> h.get(APP + "/protected/whoami",
                    "Authorization", "Bearer one two"),
                400, Challenge.error(REALM, "invalid_request"), PROBLEM, NO_STORE),
            row("bad token", h -> h.get(APP + "/protected/whoami", bearer(BAD_TOKEN)),
                401, Challenge.error(REALM, "invalid_token"), PROBLEM, NO_STORE,
                bodyLacks(BAD_TOKEN), bodyLacks(BAD_TOKEN.split("\\.")[1])),
            row("valid token", h -> h.get(APP + "/protected/whoami",
                    bearer(h.signIn(APP).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("user=alice")),
            row("valid token, role the caller has", h -> h.get(APP + "/protected/whoami",
                    bearer(h.signIn(APP).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("customer=true")),
            row("valid token, role the caller lacks", h -> h.get(APP + "/protected/whoami",
                    bearer(h.signIn(APP).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("admin=false")),
            row("public path with a bad token is served anonymous",
                h -> h.get(APP + "/public/whoami", bearer(BAD_TOKEN)),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("user=null")),
            row("CORS header of an earlier filter survives a 401",
                h -> h.get(APP + "/protected/whoami"),
                401, bare, PROBLEM, NO_STORE,
                header(CorsHeaderFilter.HEADER, CorsHeaderFilter.ORIGIN)),
            row("sign-in", h -> h.post(APP + "/auth/token", SIGN_IN + "alice-pass"),
                200, Challenge.NONE, JSON, TOKEN_ENDPOINT,
                bodyContains("\"access_token\""), bodyContains("\"refresh_token\"")),
            row("sign-in with a wrong password",
                h -> h.post(APP + "/auth/token", SIGN_IN + "wrong"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("refresh", h -> h.refresh(APP, h.signIn(APP).refresh()),
                200, Challenge.NONE, JSON, TOKEN_ENDPOINT, bodyContains("\"refresh_token\"")),
            row("refresh with the rotated token", h -> {
                var rotated = Http.tokens(h.refresh(APP, h.signIn(APP).refresh()));
                return h.refresh(APP, rotated.refresh());
            }, 200, Challenge.NONE, JSON, TOKEN_ENDPOINT, bodyContains("\"access_token\"")),
            row("replay of a used refresh token", h -> {
                String used = h.signIn(APP).refresh();
                h.refresh(APP, used);
                return h.refresh(APP, used);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("replay revokes the family: the newest token fails too", h -> {
                String used = h.signIn(APP).refresh();
                String newest = Http.tokens(h.refresh(APP, used)).refresh();
                h.refresh(APP, used);
                return h.refresh(APP, newest);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("revoke", h -> h.post(APP + "/auth/revoke", "token=" + h.signIn(APP).refresh()),
                200, Challenge.NONE, NO_BODY, TOKEN_ENDPOINT),
            row("refresh after revoke", h -> {
                String token = h.signIn(APP).refresh();
                h.post(APP + "/auth/revoke", "token=" + token);
                return h.refresh(APP, token);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("GET on the token endpoint", h -> h.get(APP + "/auth/token"),
                405, Challenge.NONE, JSON, TOKEN_ENDPOINT, header("Allow", "POST")),
            row("oversized form", h -> h.post(APP + "/auth/token",
                    SIGN_IN + "x".repeat(20_000)),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("form that is not UTF-8", h -> h.post(APP + "/auth/token", SIGN_IN + "%E0%A4"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("form with a bad escape", h -> h.post(APP + "/auth/token", SIGN_IN + "%zz"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("JWKS document", h -> h.get(APP + "/.well-known/jwks.json"),
                200, Challenge.NONE, "application/jwk-set+json", JWKS, hasHeader("ETag"),
                bodyContains("\"kid\":\"" + KEY_ID + "\""), bodyLacks("\"d\"")),
            row("JWKS document not modified", h -> h.get(APP + "/.well-known/jwks.json",
                    "If-None-Match", h.get(APP + "/.well-known/jwks.json").headers()
                            .firstValue("ETag").orElseThrow()),
                304, Challenge.NONE, NO_BODY, JWKS),
            row("failed start: protected path", h -> h.get(BROKEN + "/protected/whoami"),
                503, Challenge.NONE, PROBLEM, NO_STORE, bodyLacks("NoSuchValidator")),
            row("failed start: public path", h -> h.get(BROKEN + "/public/whoami"),
                503, Challenge.NONE, PROBLEM, NO_STORE),
            row("failed start: sign-in", h -> h.post(BROKEN + "/auth/token",
                    SIGN_IN + "alice-pass"),
                503, Challenge.NONE, PROBLEM, NO_STORE));
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

    private static ContractRow row(String name, Exchange exchange, int status,
            Challenge challenge, String mediaType, Caching caching, Check... extra) {
        return new ContractRow(name, exchange, status, challenge, mediaType, caching,
                List.of(extra));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
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

    private static Path writeJwks(Path file) throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(KEY_ID);
        key.setAlgorithm("ES256");
        String json = "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)
                + "]}";
        return Files.writeString(file, json);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
