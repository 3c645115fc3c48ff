package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.principal.JwteePrincipal;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged {@code target/shop.war} on Payara Micro and walks the jwtee flow over HTTP
 * from the test JVM: sign-in, role checks, bad tokens, refresh, reuse detection, revocation.
 * Arquillian starts one Payara Micro for this class (see arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class ShopIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The HTTP listener is bound to this address only (preboot-loopback.asadmin). */
    private static final String LOOPBACK = "127.0.0.1";

    private static final String EXPECTED_MENU = "["
            + "{\"id\":1,\"name\":\"Margherita pizza\",\"priceCents\":950},"
            + "{\"id\":2,\"name\":\"Mushroom risotto\",\"priceCents\":1250},"
            + "{\"id\":3,\"name\":\"Tiramisu\",\"priceCents\":600}"
            + "]";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ArquillianResource
    private URL deploymentUrl;

    /** Deploys exactly the WAR that the package phase built, not an archive assembled here. */
    @Deployment(testable = false)
    static WebArchive shopWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/shop.war"));
    }

    @Test
    void menuReturnsDishesAsJson() throws Exception {
        HttpResponse<String> response = get("api/menu", null);

        assertEquals(200, response.statusCode(), "status of GET api/menu");
        assertEquals("application/json", mediaType(response), "media type of GET api/menu");
        assertEquals(EXPECTED_MENU, response.body(), "body of GET api/menu");
    }

    @Test
    void menuWithBadTokenIsServedAsAnonymous() throws Exception {
        HttpResponse<String> response = get("api/menu", "not-a-token");

        assertEquals(200, response.statusCode(), "public path with a bad token");
    }

    @Test
    void ordersWithoutTokenGetsChallenge() throws Exception {
        HttpResponse<String> response = get("api/orders", null);

        assertEquals(401, response.statusCode(), "status without token");
        assertEquals("Bearer realm=\"jwtee\"", header(response, "WWW-Authenticate"),
                "challenge without token");
        assertEquals("application/problem+json", mediaType(response), "media type");
    }

    @Test
    void whoamiWithoutTokenGetsChallenge() throws Exception {
        HttpResponse<String> response = get("legacy/whoami", null);

        assertEquals(401, response.statusCode(), "legacy servlet without token");
    }

    @Test
    void whoamiSeesTokenCaller() throws Exception {
        HttpResponse<String> response = get("legacy/whoami", signIn("carol", "carol-pass")
                .get("access_token").toString());

        assertEquals(200, response.statusCode(), "status of GET legacy/whoami");
        assertEquals(List.of("remoteUser=carol", "admin=true"), response.body().lines().toList(),
                "body of GET legacy/whoami");
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
        "alice, api/orders, 200", "alice, api/vip, 200", "alice, api/admin/stats, 403",
        "bob, api/orders, 200", "bob, api/vip, 403", "bob, api/admin/stats, 403",
        "carol, api/orders, 403", "carol, api/vip, 403", "carol, api/admin/stats, 200"
    })
    void rolesDecideAccess(String user, String path, int expectedStatus) throws Exception {
        String token = signIn(user, user + "-pass").get("access_token").toString();

        HttpResponse<String> response = get(path, token);

        assertEquals(expectedStatus, response.statusCode(), user + " GET " + path);
        if (expectedStatus == 403) {
            assertTrue(header(response, "WWW-Authenticate").contains(
                    "error=\"insufficient_scope\""), "403 challenge of " + user + " on " + path);
        }
    }

    @Test
    void ordersShowTokenSubject() throws Exception {
        String token = signIn("bob", "bob-pass").get("access_token").toString();

        Map<String, Object> orders = JsonUtil.parseJson(get("api/orders", token).body());

        assertEquals("bob", orders.get("customer"), "customer of GET api/orders");
    }

    @Test
    void denyAllRejectsAdmin() throws Exception {
        String token = signIn("carol", "carol-pass").get("access_token").toString();
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("api/admin/reset"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode(), "@DenyAll method for an admin");
    }

    @Test
    void damagedTokenGetsInvalidToken() throws Exception {
        String token = signIn("alice", "alice-pass").get("access_token").toString();

        HttpResponse<String> response = get("api/orders", token + "x");

        assertInvalidToken(response, token);
    }

    @Test
    void tokenSignedWithOtherSecretGetsInvalidToken() throws Exception {
        String forged = forge(AlgorithmIdentifiers.HMAC_SHA256,
                "another-secret-of-at-least-thirty-two-bytes!");

        assertInvalidToken(get("api/orders", forged), forged);
    }

    @Test
    void unsignedTokenGetsInvalidToken() throws Exception {
        String forged = forge(AlgorithmIdentifiers.NONE, null);

        assertInvalidToken(get("api/orders", forged), forged);
    }

    @Test
    void malformedAuthorizationGetsInvalidRequest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("api/orders"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer two tokens")
                .GET()
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), "status of malformed Authorization");
        assertTrue(header(response, "WWW-Authenticate").contains("error=\"invalid_request\""),
                "challenge of malformed Authorization");
    }

    @Test
    void signInAnswersTokenResponse() throws Exception {
        HttpResponse<String> response = postForm("auth/token",
                Map.of("grant_type", "password", "username", "alice", "password", "alice-pass"));
        Map<String, Object> body = JsonUtil.parseJson(response.body());

        assertEquals(200, response.statusCode(), "status of sign-in");
        assertEquals("no-store", header(response, "Cache-Control"), "Cache-Control of sign-in");
        assertEquals("Bearer", body.get("token_type"), "token_type");
        assertEquals(900L, body.get("expires_in"), "expires_in");
        assertEquals(3, body.get("access_token").toString().split("\\.").length,
                "access_token segments");
        assertEquals(43, body.get("refresh_token").toString().length(), "refresh_token length");
    }

    @Test
    void wrongPasswordAndUnknownUserLookAlike() throws Exception {
        HttpResponse<String> wrongPassword = postForm("auth/token",
                Map.of("grant_type", "password", "username", "alice", "password", "nope"));
        HttpResponse<String> unknownUser = postForm("auth/token",
                Map.of("grant_type", "password", "username", "mallory", "password", "nope"));

        assertEquals(400, wrongPassword.statusCode(), "status for a wrong password");
        assertEquals("invalid_grant", JsonUtil.parseJson(wrongPassword.body()).get("error"),
                "error for a wrong password");
        assertEquals(wrongPassword.body(), unknownUser.body(), "bodies must not tell which part"
                + " was wrong");
    }

    @Test
    void unknownGrantTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = postForm("auth/token",
                Map.of("grant_type", "client_credentials"));

        assertEquals(400, response.statusCode(), "status of unknown grant type");
        assertEquals("unsupported_grant_type", JsonUtil.parseJson(response.body()).get("error"),
                "error of unknown grant type");
    }

    @Test
    void tokenEndpointRejectsGet() throws Exception {
        HttpResponse<String> response = get("auth/token", null);

        assertEquals(405, response.statusCode(), "status of GET auth/token");
        assertEquals("POST", header(response, "Allow"), "Allow of GET auth/token");
    }

    @Test
    void refreshRotatesAndReplayRevokesFamily() throws Exception {
        Map<String, Object> first = signIn("alice", "alice-pass");
        String firstRefresh = first.get("refresh_token").toString();

        HttpResponse<String> refreshed = refresh(firstRefresh);
        assertEquals(200, refreshed.statusCode(), "status of the first refresh");
        Map<String, Object> second = JsonUtil.parseJson(refreshed.body());
        String secondRefresh = second.get("refresh_token").toString();
        assertNotEquals(firstRefresh, secondRefresh, "refresh token after rotation");
        assertNotEquals(first.get("access_token"), second.get("access_token"),
                "access token after refresh");
        assertEquals(200, get("api/vip", second.get("access_token").toString()).statusCode(),
                "new access token keeps alice's roles");
        assertEquals(200, get("api/orders", first.get("access_token").toString()).statusCode(),
                "old access token stays valid until it expires");

        HttpResponse<String> replay = refresh(firstRefresh);
        assertEquals(400, replay.statusCode(), "status of the replayed refresh token");
        assertEquals("invalid_grant", JsonUtil.parseJson(replay.body()).get("error"),
                "error of the replayed refresh token");

        HttpResponse<String> afterReplay = refresh(secondRefresh);
        assertEquals(400, afterReplay.statusCode(), "newest refresh token after a replay");
        assertEquals("invalid_grant", JsonUtil.parseJson(afterReplay.body()).get("error"),
                "error of the newest refresh token after a replay");
    }

    @Test
    void revokeEndsFamily() throws Exception {
        String refreshToken = signIn("bob", "bob-pass").get("refresh_token").toString();

        HttpResponse<String> revoked = postForm("auth/revoke", Map.of("token", refreshToken));
        HttpResponse<String> afterRevoke = refresh(refreshToken);

        assertEquals(200, revoked.statusCode(), "status of revocation");
        assertEquals("", revoked.body(), "body of revocation");
        assertEquals(400, afterRevoke.statusCode(), "refresh after revocation");
    }

    @Test
    void oversizedBodyGetsInvalidRequest() throws Exception {
        HttpResponse<String> response = postForm("auth/token",
                Map.of("grant_type", "password", "padding", "x".repeat(3_000_000)));

        assertEquals(400, response.statusCode(), "status of a 3 MB body");
        assertEquals("invalid_request", JsonUtil.parseJson(response.body()).get("error"),
                "error of a 3 MB body");
        assertEquals("no-cache", header(response, "Pragma"), "Pragma of an error");
    }

    @Test
    void badPercentEscapeGetsInvalidRequest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("auth/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=abc%"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), "status of a truncated escape");
        assertFalse(response.body().contains("abc"), "body must not echo the value");
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {
        "application/x-www-form-urlencodedXYZ",
        "application/x-www-form-urlencoded; charset=ISO-8859-1",
        "text/plain"
    })
    void signInWithWrongMediaTypeGetsInvalidRequest(String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("auth/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=alice&password=alice-pass"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), "status for " + contentType);
    }

    @Test
    void signInWithUtf8CharsetAccepted() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("auth/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=alice&password=alice-pass"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), "status with an explicit UTF-8 charset");
    }

    @Test
    void preflightOnProtectedPathGetsChallenge() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("api/admin/stats"))
                .timeout(TIMEOUT)
                .header("Origin", "http://127.0.0.1:9")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode(), "preflight without a CORS filter");
    }

    @Test
    void jwksPublishesPublicSigningKeyOnly() throws Exception {
        HttpResponse<String> response = get(".well-known/jwks.json", null);
        Map<String, Object> document = JsonUtil.parseJson(response.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) document.get("keys");

        assertEquals(200, response.statusCode(), "status of the JWKS document");
        assertEquals("application/jwk-set+json", mediaType(response), "media type");
        assertEquals("public, max-age=300", header(response, "Cache-Control"), "caching");
        assertEquals(1, keys.size(), "published keys");
        assertEquals("shop-demo-es256", keys.get(0).get("kid"), "kid");
        assertEquals("ES256", keys.get(0).get("alg"), "alg");
        assertFalse(keys.get(0).containsKey("d"), "private part must not be published");
    }

    @Test
    void jwksAnswersNotModifiedForSameTag() throws Exception {
        String tag = header(get(".well-known/jwks.json", null), "ETag");
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(".well-known/jwks.json"))
                .timeout(TIMEOUT)
                .header("If-None-Match", tag)
                .GET()
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(304, response.statusCode(), "status for a matching If-None-Match");
    }

    /**
     * A second service configured with only the shop's JWKS URL, as a verify-only deployment,
     * verifies the shop's tokens.
     */
    @Test
    void serviceWithOnlyJwksUrlVerifiesTokens() throws Exception {
        Map<String, String> settings = Map.of(
                "jwtee.issuer", "http://127.0.0.1:8080/shop",
                "jwtee.keys.jwks-url", baseUri().resolve(".well-known/jwks.json").toString(),
                "jwtee.endpoint.enabled", "false",
                "jwtee.refresh.enabled", "false");
        String token = signIn("bob", "bob-pass").get("access_token").toString();

        try (Jwtee secondService = Jwtee.builder(JwteeConfig.read(
                ConfigSources.of("second service", settings))).build()) {
            JwteePrincipal caller = secondService.authenticate(token);

            assertEquals("bob", caller.getName(), "subject seen by the second service");
            assertEquals(Set.of("customer"), caller.roles(), "roles seen by the second service");
        }
    }

    @Test
    void jaxrsProviderServesSameJwks() throws Exception {
        HttpResponse<String> servlet = get(".well-known/jwks.json", null);
        HttpResponse<String> jaxrs = get("api/.well-known/jwks.json", null);

        assertEquals(200, jaxrs.statusCode(), "status of the JAX-RS JWKS document");
        assertEquals(servlet.body(), jaxrs.body(), "both adapters publish the same keys");
        assertEquals(header(servlet, "ETag"), header(jaxrs, "ETag"), "same entity tag");
    }

    @Test
    void revokeUnknownTokenSucceeds() throws Exception {
        HttpResponse<String> response = postForm("auth/revoke", Map.of("token", "unknown"));

        assertEquals(200, response.statusCode(), "revocation of an unknown token");
    }

    @Test
    void payaraListensOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux /proc/PID/net/tcp");
        List<ProcessHandle> payaraProcesses = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("payara-micro"))
                .toList();
        assertEquals(1, payaraProcesses.size(), "Payara Micro processes started by this JVM");

        long pid = payaraProcesses.get(0).pid();
        List<InetSocketAddress> sockets = ListeningSockets.listeningAddresses(pid);
        System.out.println("Payara Micro (pid " + pid + ") listens on " + sockets);

        assertFalse(sockets.isEmpty(), "Payara Micro has no listening TCP socket");
        int httpPort = baseUri().getPort();
        assertTrue(sockets.stream().anyMatch(socket -> socket.getPort() == httpPort),
                "HTTP port " + httpPort + " missing from " + sockets);
        for (InetSocketAddress socket : sockets) {
            assertTrue(socket.getAddress().isLoopbackAddress(),
                    "Payara Micro listens on " + socket + ", which is not a loopback address");
        }
    }

    private void assertInvalidToken(HttpResponse<String> response, String token) {
        assertEquals(401, response.statusCode(), "status of a bad token");
        assertTrue(header(response, "WWW-Authenticate").contains("error=\"invalid_token\""),
                "challenge of a bad token");
        assertEquals("application/problem+json", mediaType(response), "media type");
        assertFalse(response.body().contains(token), "body must not echo the token");
        assertFalse(response.body().contains("Exception"), "body must not show a stack trace");
    }

    /** Builds a token that jwtee must reject: signed with a foreign secret, or unsigned. */
    private static String forge(String algorithm, String secret) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://127.0.0.1:8080/shop");
        claims.setAudience("http://127.0.0.1:8080/shop");
        claims.setSubject("carol");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringListClaim("groups", "admin");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "at+jwt");
        jws.setKeyIdHeaderValue("hmac");
        if (secret != null) {
            jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        } else {
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        }
        return jws.getCompactSerialization();
    }

    private Map<String, Object> signIn(String user, String password) throws Exception {
        HttpResponse<String> response = postForm("auth/token",
                Map.of("grant_type", "password", "username", user, "password", password));
        assertEquals(200, response.statusCode(), "sign-in of " + user + ": " + response.body());
        return JsonUtil.parseJson(response.body());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return postForm("auth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private HttpResponse<String> postForm(String relativePath, Map<String, String> form)
            throws IOException, InterruptedException, URISyntaxException {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(relativePath))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String relativePath, String token)
            throws IOException, InterruptedException, URISyntaxException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(relativePath))
                .timeout(TIMEOUT)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /**
     * Returns the deployment's base URI with a trailing slash, so that relative paths resolve
     * under the context root. The adapter builds the host from what Payara Micro prints (a
     * host name or an address), but the listener accepts connections on 127.0.0.1 only, so
     * the host is replaced by 127.0.0.1 and only the port and path are kept.
     */
    private URI baseUri() throws URISyntaxException {
        URI reported = deploymentUrl.toURI();
        assertTrue(reported.getPort() > 0, "no port in deployment URL " + reported);
        String path = reported.getPath() == null ? "" : reported.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        // When the WAR fails to deploy, adapter 3.1 reports a URL without a context root.
        assertEquals("/shop/", path, "context root in deployment URL " + reported
                + "; if it is missing, check that shop.war deployed: the Payara Micro log is in "
                + "target/failsafe-reports/" + ShopIT.class.getName() + "-output.txt");
        return new URI("http", null, LOOPBACK, reported.getPort(), path, null, null);
    }

    /** Returns the Content-Type header without parameters such as charset. */
    private static String mediaType(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim();
    }
}
