package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.examples.shop.caller.CallerResource;
import dev.jwtee.examples.shop.caller.MpJwtCallerApplication;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged shop with Payara's MicroProfile JWT switched on as well: its JAX-RS application
 * replaced by one with {@code @LoginConfig(authMethod = "MP-JWT")}, the MP-JWT keys in
 * {@code microprofile-config.properties}, and {@code jwtee.token.types} widened to
 * {@code JWT}. Payara runs MP-JWT's authentication mechanism before any servlet filter, and
 * it responds 401 itself to every request whose Bearer token it rejects, so such a request
 * never reaches jwtee.
 */
@ExtendWith(ArquillianExtension.class)
class MpJwtBesideJwteeIT extends CallerContract {

    private static final String JWTEE_CHALLENGE = "Bearer realm=\"jwtee\"";

    /** Part of the WARNING that jwtee logs when it finds an HTTP authentication mechanism. */
    static final String MECHANISM_WARNING =
            "also has a Jakarta Security HTTP authentication mechanism";

    @Deployment(testable = false)
    static WebArchive shopWithMpJwt() throws Exception {
        ServerOutput.start();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war"));
        String webXml = CallerTokens.shopFile("WEB-INF/web.xml").replace(
                "<filter-class>dev.jwtee.servlet.JwteeFilter</filter-class>",
                "<filter-class>dev.jwtee.servlet.JwteeFilter</filter-class>"
                        + "<init-param><param-name>jwtee.token.types</param-name>"
                        + "<param-value>at+jwt, JWT</param-value></init-param>");
        war.delete("WEB-INF/web.xml");
        war.delete("WEB-INF/classes/dev/jwtee/examples/shop/ShopApplication.class");
        return war.addAsWebInfResource(new StringAsset(webXml), "web.xml")
                .addClasses(CallerResource.class, MpJwtCallerApplication.class)
                .addAsResource(CallerTokens.microProfileConfig(),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(MpJwtCallerIT.BEANS_XML), "beans.xml");
    }

    @AfterAll
    static void stopRecording() {
        ServerOutput.stop();
    }

    @Test
    void startUp_warnsAboutMpJwt() throws Exception {
        assertTrue(ServerOutput.await(MECHANISM_WARNING, TIMEOUT), "jwtee start-up WARNING");
    }

    /** The token endpoint is reached when the request carries no Bearer token. */
    @Test
    void signIn_servedByJwtee() throws Exception {
        HttpResponse<String> response = signIn(null);

        assertEquals(200, response.statusCode(), "status of sign-in: " + response.body());
    }

    /** MP-JWT rejects the {@code at+jwt} tokens of jwtee's own token endpoint. */
    @Test
    void jwteeIssuedToken_rejectedByMpJwt() throws Exception {
        String token = JsonUtil.parseJson(signIn(null).body()).get("access_token").toString();

        HttpResponse<String> response = get("api/orders", token);

        assertEquals(401, response.statusCode(), "status of a jwtee-issued token");
        assertNotEquals(JWTEE_CHALLENGE, challenge(response), "challenge comes not from jwtee");
    }

    @Test
    void sharedToken_ordersAndServlet() throws Exception {
        String token = CallerTokens.mint("JWT", ALICE_CLAIMS);

        HttpResponse<String> orders = get("api/orders", token);
        HttpResponse<String> whoami = get("legacy/whoami", token);

        assertEquals(200, orders.statusCode(), "status of api/orders");
        assertEquals("alice@shop.example", JsonUtil.parseJson(orders.body()).get("customer"),
                "customer of api/orders");
        assertEquals(List.of("remoteUser=alice@shop.example", "admin=false"),
                whoami.body().lines().toList(), "body of legacy/whoami");
    }

    @Test
    void noToken_protectedPathChallengedByJwtee() throws Exception {
        HttpResponse<String> response = get("api/orders", null);

        assertEquals(401, response.statusCode(), "status without a token");
        assertEquals(JWTEE_CHALLENGE, challenge(response), "challenge without a token");
    }

    @Test
    void noToken_publicPathServed() throws Exception {
        assertEquals(200, get("api/menu", null).statusCode(), "public path without a token");
    }

    @Test
    void badToken_protectedPathRejectedByMpJwt() throws Exception {
        HttpResponse<String> response = get("api/orders", "not-a-token");

        assertEquals(401, response.statusCode(), "status of a bad token");
        assertNotEquals(JWTEE_CHALLENGE, challenge(response), "challenge comes not from jwtee");
    }

    /** jwtee alone serves a public path as anonymous; MP-JWT rejects the bad token first. */
    @Test
    void badToken_publicPathRejectedByMpJwt() throws Exception {
        HttpResponse<String> response = get("api/menu", "not-a-token");

        assertEquals(401, response.statusCode(), "status of a bad token on a public path");
    }

    @Test
    void signInWithBadBearer_rejectedByMpJwt() throws Exception {
        HttpResponse<String> response = signIn("not-a-token");

        assertEquals(401, response.statusCode(), "status of sign-in with a bad Bearer token");
    }

    private HttpResponse<String> signIn(String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("auth/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=alice&password=alice-pass"));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse(null);
    }
}
