package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.TokenIssuer;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop switched to encrypted access tokens by configuration alone: three init-params added
 * to the packaged WAR's filter entry, no code changed.
 */
@ExtendWith(ArquillianExtension.class)
class EncryptedShopIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ISSUER = "http://127.0.0.1:8080/shop";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive encryptingShop() throws Exception {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war"));
        String webXml = new String(war.get("WEB-INF/web.xml").getAsset().openStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        String encrypting = webXml.replace("<filter-class>dev.jwtee.servlet.JwteeFilter"
                + "</filter-class>", "<filter-class>dev.jwtee.servlet.JwteeFilter</filter-class>"
                + initParam("jwtee.encryption.secret",
                        "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY")
                + initParam("jwtee.encryption.encrypt-kid", "enc")
                + initParam("jwtee.encryption.required", "true"));
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(encrypting), "web.xml");
    }

    @Test
    void signIn_issuesEncryptedTokenThatWorks() throws Exception {
        Map<String, Object> tokens = signIn();
        String access = tokens.get("access_token").toString();

        assertEquals(5, access.split("\\.", -1).length, "segments of the access token");
        assertEquals(200, get("api/orders", access).statusCode(), "orders with the token");
    }

    @Test
    void refresh_issuesEncryptedToken() throws Exception {
        HttpResponse<String> refreshed = post("auth/token", "grant_type=refresh_token"
                + "&refresh_token=" + signIn().get("refresh_token"));
        String access = JsonUtil.parseJson(refreshed.body()).get("access_token").toString();

        assertEquals(200, refreshed.statusCode(), "status of the refresh");
        assertEquals(5, access.split("\\.", -1).length, "segments of the refreshed token");
    }

    /** A token signed with the shop's own key but not encrypted is the wrong form here. */
    @Test
    void signedOnlyToken_rejected() throws Exception {
        String jwks = new String(ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war")).get("WEB-INF/demo-keys.json").getAsset()
                .openStream().readAllBytes(), StandardCharsets.UTF_8);
        TokenIssuer issuer = new TokenIssuer(new TokenSettings(ISSUER, ISSUER,
                Duration.ofMinutes(5), Duration.ofSeconds(30), 8192, Set.of("at+jwt")),
                KeySetLoader.fromJwks(jwks), Clock.systemUTC());
        String signed = issuer.issue("alice", List.of("customer"), Map.of()).value();

        HttpResponse<String> response = get("api/orders", signed);

        assertEquals(401, response.statusCode(), "status of a signed-only token");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("invalid_token"), "challenge of a signed-only token");
    }

    private static String initParam(String name, String value) {
        return "<init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>";
    }

    private Map<String, Object> signIn() throws Exception {
        HttpResponse<String> response = post("auth/token",
                "grant_type=password&username=alice&password=alice-pass");
        assertEquals(200, response.statusCode(), "sign-in: " + response.body());
        return JsonUtil.parseJson(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The listener accepts connections on 127.0.0.1 only, whatever host the adapter reports. */
    private URI uri(String path) throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/shop/" + path,
                null, null);
    }
}
