package dev.jwtee.examples.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged example shop on WildFly and walks the core of the shop's HTTP flow from
 * the test JVM. Two deployments of the same WAR: {@code shop.war} exactly as packaged, where
 * RESTEasy leaves {@code @RolesAllowed} to jwtee's {@code JwteeFeature}, and
 * {@code shop-rbs.war}, the same WAR with the context parameter
 * {@code resteasy.role.based.security=true}, where RESTEasy checks the roles as well. The
 * client must not see a difference. Refresh tokens go to WildFly's default data source
 * (ExampleDS) through its Hibernate.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyShopIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String SHOP = "shop";

    private static final String SHOP_RBS = "shop-rbs";

    private static final String PACKAGED_WAR = "target/shop.war";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ArquillianResource
    @OperateOnDeployment(SHOP)
    private URL shopUrl;

    @ArquillianResource
    @OperateOnDeployment(SHOP_RBS)
    private URL shopRbsUrl;

    /** Deploys exactly the WAR that the shop module packaged. */
    @Deployment(name = SHOP, testable = false, order = 1)
    static WebArchive shopWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(PACKAGED_WAR));
    }

    /** Builds the packaged WAR again with RESTEasy's own {@code @RolesAllowed} check on. */
    @Deployment(name = SHOP_RBS, testable = false, order = 2)
    static WebArchive shopWarWithRoleBasedSecurity() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(PACKAGED_WAR));
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String contextParam = "<context-param>"
                + "<param-name>resteasy.role.based.security</param-name>"
                + "<param-value>true</param-value>"
                + "</context-param>\n    <filter>";
        if (!webXml.contains("<filter>")) {
            throw new IllegalStateException("WEB-INF/web.xml of " + PACKAGED_WAR
                    + " declares no filter, so the context parameter has no place");
        }
        WebArchive withRoleCheck = ShrinkWrap.create(WebArchive.class, SHOP_RBS + ".war");
        withRoleCheck.merge(war);
        withRoleCheck.delete("WEB-INF/web.xml");
        withRoleCheck.addAsWebInfResource(new StringAsset(webXml.replaceFirst("<filter>",
                contextParam)), "web.xml");
        return withRoleCheck;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SHOP, SHOP_RBS})
    void coreFlow(String deployment) throws Exception {
        URI base = baseUri(deployment);

        HttpResponse<String> menu = get(base, "api/menu", null);
        assertEquals(200, menu.statusCode(), "public menu");
        assertTrue(menu.body().contains("Margherita pizza"), "menu body: " + menu.body());

        HttpResponse<String> anonymous = get(base, "api/orders", null);
        assertEquals(401, anonymous.statusCode(), "orders without token");
        assertEquals("Bearer realm=\"jwtee\"", header(anonymous, "WWW-Authenticate"),
                "challenge without token");

        HttpResponse<String> signIn = postForm(base, "auth/token",
                Map.of("grant_type", "password", "username", "alice", "password", "alice-pass"));
        assertEquals(200, signIn.statusCode(), "sign-in of alice: " + signIn.body());
        Map<String, Object> tokens = JsonUtil.parseJson(signIn.body());
        assertEquals("Bearer", tokens.get("token_type"), "token_type");
        assertEquals("no-store", header(signIn, "Cache-Control"), "Cache-Control of sign-in");
        String access = tokens.get("access_token").toString();
        String refresh = tokens.get("refresh_token").toString();

        HttpResponse<String> orders = get(base, "api/orders", access);
        assertEquals(200, orders.statusCode(), "alice GET api/orders");
        assertEquals("alice", JsonUtil.parseJson(orders.body()).get("customer"), "customer");
        assertEquals(200, get(base, "api/vip", access).statusCode(), "alice GET api/vip");
        HttpResponse<String> admin = get(base, "api/admin/stats", access);
        assertEquals(403, admin.statusCode(), "alice GET api/admin/stats");
        assertTrue(header(admin, "WWW-Authenticate").contains("error=\"insufficient_scope\""),
                "403 challenge: " + header(admin, "WWW-Authenticate"));

        HttpResponse<String> whoami = get(base, "legacy/whoami", access);
        assertEquals(200, whoami.statusCode(), "alice GET legacy/whoami");
        assertEquals(List.of("remoteUser=alice", "admin=false"), whoami.body().lines().toList(),
                "body of legacy/whoami");

        HttpResponse<String> damaged = get(base, "api/orders", access + "x");
        assertEquals(401, damaged.statusCode(), "damaged token");
        assertTrue(header(damaged, "WWW-Authenticate").contains("error=\"invalid_token\""),
                "challenge of a damaged token");
        assertFalse(damaged.body().contains("Exception"), "body must not show a stack trace");

        HttpResponse<String> rotated = refresh(base, refresh);
        assertEquals(200, rotated.statusCode(), "first refresh: " + rotated.body());
        Map<String, Object> second = JsonUtil.parseJson(rotated.body());
        String newRefresh = second.get("refresh_token").toString();
        assertNotEquals(refresh, newRefresh, "refresh token after rotation");
        assertEquals(200, get(base, "api/vip", second.get("access_token").toString())
                .statusCode(), "new access token keeps alice's roles");

        HttpResponse<String> replay = refresh(base, refresh);
        assertEquals(400, replay.statusCode(), "replayed refresh token");
        assertEquals("invalid_grant", JsonUtil.parseJson(replay.body()).get("error"),
                "error of the replayed refresh token");
        HttpResponse<String> afterReplay = refresh(base, newRefresh);
        assertEquals(400, afterReplay.statusCode(), "newest refresh token after a replay");
        assertEquals("invalid_grant", JsonUtil.parseJson(afterReplay.body()).get("error"),
                "error of the newest refresh token after a replay");

        HttpResponse<String> jwks = get(base, ".well-known/jwks.json", null);
        assertEquals(200, jwks.statusCode(), "JWKS document");
        assertTrue(jwks.body().contains("shop-demo-es256"), "JWKS body: " + jwks.body());
    }

    /**
     * Both deployments return the same status and challenge on the role-protected resources,
     * for anonymous callers too. With role-based security on, jwtee's filter must run before
     * RESTEasy's, whose 403 carries no {@code insufficient_scope} challenge.
     */
    @Test
    void roleBasedSecurityKeepsResponses() throws Exception {
        for (String path : List.of("api/orders", "api/vip", "api/admin/stats")) {
            for (String user : List.of("bob", "carol")) {
                HttpResponse<String> plain = get(baseUri(SHOP), path, signIn(SHOP, user));
                HttpResponse<String> rbs = get(baseUri(SHOP_RBS), path, signIn(SHOP_RBS, user));
                assertEquals(plain.statusCode(), rbs.statusCode(), user + " GET " + path);
                assertEquals(header(plain, "WWW-Authenticate"), header(rbs, "WWW-Authenticate"),
                        "challenge of " + user + " GET " + path);
            }
            HttpResponse<String> plain = get(baseUri(SHOP), path, null);
            HttpResponse<String> rbs = get(baseUri(SHOP_RBS), path, null);
            assertEquals(401, plain.statusCode(), "anonymous GET " + path);
            assertEquals(plain.statusCode(), rbs.statusCode(), "anonymous GET " + path);
            assertEquals(header(plain, "WWW-Authenticate"), header(rbs, "WWW-Authenticate"),
                    "challenge of anonymous GET " + path);
        }
    }

    private String signIn(String deployment, String user) throws Exception {
        HttpResponse<String> response = postForm(baseUri(deployment), "auth/token",
                Map.of("grant_type", "password", "username", user, "password", user + "-pass"));
        assertEquals(200, response.statusCode(), "sign-in of " + user + ": " + response.body());
        return JsonUtil.parseJson(response.body()).get("access_token").toString();
    }

    private HttpResponse<String> refresh(URI base, String refreshToken) throws Exception {
        return postForm(base, "auth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private HttpResponse<String> postForm(URI base, String relativePath, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(relativePath))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String relativePath, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(relativePath))
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

    /** Returns the deployment's base URI on 127.0.0.1, with a trailing slash. */
    private URI baseUri(String deployment) throws URISyntaxException {
        URI reported = (SHOP.equals(deployment) ? shopUrl : shopRbsUrl).toURI();
        assertTrue(reported.getPort() > 0, "no port in deployment URL " + reported);
        return new URI("http", null, "127.0.0.1", reported.getPort(), "/" + deployment + "/",
                null, null);
    }
}
