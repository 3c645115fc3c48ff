package dev.jwtee.servlet.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter that {@code JwteeInitializer} registers when the context-param
 * {@code jwtee.filter.registration} is set, the same cases for every servlet container. Each
 * application declares {@link OrderProbeFilter} as its own filter and configures jwtee through
 * context-params only, so the registered filter has no init-params. A subclass only starts its
 * container and deploys an application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterRegistrationTest {

    private static final String KEY = "jwtee.filter.registration";
    private static final String SECRET = "cmVnaXN0cmF0aW9uLXRlc3Qtc2VjcmV0LW9mLTMyLWJ5dGVz";
    private static final String INITIALIZER = "dev.jwtee.servlet.JwteeInitializer";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What {@link #probe} returns when the application filter did not run. */
    private static final String NO_HEADER = "(no header)";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private LogRecorder log;
    private int port;

    /**
     * Starts the container without applications, on 127.0.0.1 and an ephemeral port.
     *
     * @param baseDir an empty folder the container may use
     * @return the port
     */
    protected abstract int start(Path baseDir) throws Exception;

    /**
     * Deploys {@code app} in the running container.
     *
     * @param app the application
     * @return true if it started and serves requests, false if its start failed
     */
    protected abstract boolean deploy(RegistrationWebApp app);

    /** Stops the container. */
    protected abstract void stop() throws Exception;

    @BeforeAll
    void startServer(@TempDir Path folder) throws Exception {
        log = LogRecorder.start("dev.jwtee");
        port = start(Files.createDirectory(folder.resolve("server")));
        assertTrue(deploy(app("/first", "first")), "/first started");
        assertTrue(deploy(app("/last", "last")), "/last started");
    }

    @AfterAll
    void stopServer() throws Exception {
        try {
            stop();
        } finally {
            log.close();
        }
    }

    @Test
    void first_noToken_rejectedBeforeApplicationFilter() throws Exception {
        HttpResponse<String> response = get("/first/protected/whoami");

        assertEquals(401, response.statusCode(), "status without a token");
        assertEquals("Bearer realm=\"contract\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null), "challenge");
        assertEquals(NO_HEADER, probe(response), "header of the application filter");
    }

    @Test
    void first_tokenFromEndpoint_applicationFilterSeesCaller() throws Exception {
        HttpResponse<String> response = get("/first/protected/whoami",
                "Authorization", "Bearer " + signIn("/first"));

        assertEquals(200, response.statusCode(), "status with a token");
        assertEquals("user=alice customer=true admin=false", response.body(), "servlet output");
        assertEquals("alice", probe(response), "caller the application filter saw");
    }

    @Test
    void last_noToken_rejectedAfterApplicationFilter() throws Exception {
        HttpResponse<String> response = get("/last/protected/whoami");

        assertEquals(401, response.statusCode(), "status without a token");
        assertEquals(OrderProbeFilter.ANONYMOUS, probe(response),
                "caller the application filter saw");
    }

    @Test
    void last_tokenFromEndpoint_applicationFilterRanBefore() throws Exception {
        HttpResponse<String> response = get("/last/protected/whoami",
                "Authorization", "Bearer " + signIn("/last"));

        assertEquals(200, response.statusCode(), "status with a token");
        assertEquals("user=alice customer=true admin=false", response.body(), "servlet output");
        assertEquals(OrderProbeFilter.ANONYMOUS, probe(response),
                "caller the application filter saw");
    }

    @Test
    void first_publicPath_servedAnonymous() throws Exception {
        HttpResponse<String> response = get("/first/public/whoami");

        assertEquals(200, response.statusCode(), "status of a public path");
        assertEquals("user=null customer=false admin=false", response.body(), "servlet output");
    }

    @Test
    void first_asyncDispatch_callerKept() throws Exception {
        HttpResponse<String> response = get("/first/async/whoami",
                "Authorization", "Bearer " + signIn("/first"));

        assertEquals(200, response.statusCode(), "status after the async dispatch");
        assertEquals("user=alice customer=true admin=false", response.body(),
                "caller at the target of the async dispatch");
    }

    @Test
    void start_contextParamsOnly_noUnknownKeyWarning() {
        assertFalse(log.contains("dev.jwtee.servlet.FilterConfiguration", Level.WARNING, KEY),
                "WARNING about " + KEY);
        assertTrue(log.contains(INITIALIZER, Level.INFO, "Registered filter jwtee for /* after"),
                "INFO line of the registration with last");
    }

    @Test
    void deploy_parameterAbsent_nothingRegistered() throws Exception {
        Map<String, String> parameters = new HashMap<>(configuration());
        assertTrue(deploy(new RegistrationWebApp("/absent", parameters, false)),
                "/absent started");

        HttpResponse<String> response = get("/absent/protected/whoami");

        assertEquals(200, response.statusCode(), "status without any jwtee filter");
        assertEquals("user=null customer=false admin=false", response.body(), "servlet output");
    }

    @Test
    void deploy_noneAndDeclaredFilter_declaredFilterProtects() throws Exception {
        assertTrue(deploy(new RegistrationWebApp("/none", withMode("none"), true)),
                "/none started");

        HttpResponse<String> response = get("/none/protected/whoami");

        assertEquals(401, response.statusCode(), "status without a token");
        assertEquals(OrderProbeFilter.ANONYMOUS, probe(response),
                "caller the application filter saw");
    }

    @Test
    void deploy_parameterAndDeclaredFilter_startFails() {
        boolean started = deploy(new RegistrationWebApp("/clash", withMode("first"), true));

        assertFalse(started, "an application with two jwtee filters started");
        assertTrue(log.contains(INITIALIZER, Level.SEVERE, KEY + " is 'first'"),
                "ERROR line names the context-param");
        assertTrue(log.contains(INITIALIZER, Level.SEVERE,
                "declares filter " + RegistrationWebApp.DECLARED_FILTER_NAME),
                "ERROR line names the declared filter");
    }

    @Test
    void deploy_invalidValue_startFails() {
        boolean started = deploy(new RegistrationWebApp("/invalid-value", withMode("sometimes"),
                false));

        assertFalse(started, "an application with an invalid " + KEY + " started");
        assertTrue(log.contains(INITIALIZER, Level.SEVERE,
                KEY + ": invalid value 'sometimes'; expected none, first or last"),
                "ERROR line names the key and the values");
    }

    @Test
    void deploy_invalidConfiguration_startFails() {
        Map<String, String> parameters = withMode("last");
        parameters.put("jwtee.access-token.lifetime", "5");

        boolean started = deploy(new RegistrationWebApp("/invalid-config", parameters, false));

        assertFalse(started, "an application with an invalid jwtee configuration started");
        assertTrue(log.contains(INITIALIZER, Level.SEVERE, "jwtee.access-token.lifetime"),
                "ERROR line names the key");
    }

    @Test
    void deploy_systemPropertyOnlyNoFilter_startFails() {
        System.setProperty(KEY, "first");
        boolean started;
        try {
            started = deploy(new RegistrationWebApp("/property", configuration(), false));
        } finally {
            System.clearProperty(KEY);
        }

        assertFalse(started, "an application that would run without authentication started");
        assertTrue(log.contains(INITIALIZER, Level.SEVERE, "read from context-params only"),
                "ERROR line names the misplaced setting");
    }

    @Test
    void deploy_systemPropertyWithDeclaredFilter_ignoredWithWarning() throws Exception {
        System.setProperty(KEY, "first");
        boolean started;
        try {
            started = deploy(new RegistrationWebApp("/property-declared", configuration(),
                    true));
        } finally {
            System.clearProperty(KEY);
        }

        assertTrue(started, "/property-declared started");
        assertTrue(log.contains(INITIALIZER, Level.WARNING, "from context-params only"),
                "WARNING about the ignored system property");
        assertEquals(401, get("/property-declared/protected/whoami").statusCode(),
                "status of the declared filter without a token");
    }

    private static RegistrationWebApp app(String contextPath, String mode) {
        return new RegistrationWebApp(contextPath, withMode(mode), false);
    }

    private static Map<String, String> withMode(String mode) {
        Map<String, String> parameters = new HashMap<>(configuration());
        parameters.put(KEY, mode);
        return parameters;
    }

    /** Returns a valid jwtee configuration; the realm comes from MicroProfile Config. */
    private static Map<String, String> configuration() {
        return Map.of("jwtee.issuer", "https://registration.example",
                "jwtee.keys.hmac-secret", SECRET,
                "jwtee.credential-validator", TestCredentialValidator.class.getName(),
                "jwtee.refresh.store", "memory",
                "jwtee.public-paths", "/public/*");
    }

    private static String probe(HttpResponse<String> response) {
        return response.headers().firstValue(OrderProbeFilter.HEADER).orElse(NO_HEADER);
    }

    private String signIn(String contextPath) throws IOException, InterruptedException {
        HttpRequest request = request(contextPath + "/auth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + TestCredentialValidator.USER + "&password="
                        + TestCredentialValidator.PASSWORD))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "status of the sign-in at " + contextPath);
        try {
            return (String) JsonUtil.parseJson(response.body()).get("access_token");
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError("token response is not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> get(String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT);
    }
}
