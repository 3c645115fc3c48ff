package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.examples.shop.caller.CallerResource;
import dev.jwtee.examples.shop.caller.JwteeCallerApplication;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link CallerContract} on a WAR protected by jwtee alone, verifying with the shop's demo key
 * and accepting {@code typ} {@code JWT} besides {@code at+jwt}. Tokens issued by jwtee itself
 * get the same caller as tokens that MicroProfile JWT accepts.
 */
@ExtendWith(ArquillianExtension.class)
class JwteeCallerIT extends CallerContract {

    @Deployment(testable = false)
    static WebArchive jwteeCaller() throws Exception {
        ServerOutput.start();
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <filter>
                        <filter-name>jwtee</filter-name>
                        <filter-class>dev.jwtee.servlet.JwteeFilter</filter-class>
                        %s%s%s%s%s
                    </filter>
                    <filter-mapping>
                        <filter-name>jwtee</filter-name>
                        <url-pattern>/*</url-pattern>
                    </filter-mapping>
                </web-app>
                """.formatted(initParam("jwtee.issuer", CallerTokens.ISSUER),
                initParam("jwtee.keys.jwks-file", "/WEB-INF/demo-keys.json"),
                initParam("jwtee.token.types", "at+jwt, JWT"),
                initParam("jwtee.endpoint.enabled", "false"),
                initParam("jwtee.refresh.enabled", "false"));
        return CallerTokens.warWithShopLibraries("jwtee-caller.war")
                .addClasses(CallerResource.class, JwteeCallerApplication.class)
                .addAsWebInfResource(new StringAsset(webXml), "web.xml")
                .addAsWebInfResource(new StringAsset(
                        CallerTokens.shopFile("WEB-INF/demo-keys.json")), "demo-keys.json")
                .addAsWebInfResource(new StringAsset(
                        CallerTokens.shopFile("WEB-INF/payara-web.xml")), "payara-web.xml");
    }

    @AfterAll
    static void stopRecording() {
        ServerOutput.stop();
    }

    /** Without MicroProfile JWT, jwtee starts without the WARNING of MpJwtBesideJwteeIT. */
    @Test
    void startUp_noMechanismWarning() throws Exception {
        assertTrue(ServerOutput.await("access-token lifetime=", TIMEOUT),
                "jwtee start-up line recorded");
        assertFalse(ServerOutput.text().contains(MpJwtBesideJwteeIT.MECHANISM_WARNING),
                "WARNING about an HTTP authentication mechanism");
    }

    /** A token from jwtee's own issuer, with {@code typ: at+jwt}, names the same caller. */
    @Test
    void jwteeIssuedToken_sameCaller() throws Exception {
        String token = CallerTokens.issueWithJwtee("u-1001", List.of("customer", "vip"),
                Map.of("upn", "alice@shop.example", "preferred_username", "alice"));

        HttpResponse<String> response = get("api/caller", token);

        assertEquals(200, response.statusCode(), "status of api/caller");
        assertEquals(ALICE_LINES, response.body().lines().toList(), "body of api/caller");
    }

    /** jwtee does not require {@code jti}, which MicroProfile JWT on Payara does. */
    @Test
    void tokenWithoutJti_accepted() throws Exception {
        Map<String, Object> claims = new HashMap<>(ALICE_CLAIMS);
        claims.put("jti", null);

        HttpResponse<String> response = get("api/caller", CallerTokens.mint("JWT", claims));

        assertEquals(200, response.statusCode(), "status of a token without jti");
    }

    @Test
    void noToken_challenged() throws Exception {
        HttpResponse<String> response = get("api/caller", null);

        assertEquals(401, response.statusCode(), "status without a token");
        assertEquals("Bearer realm=\"jwtee\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null),
                "challenge without a token");
    }

    private static String initParam(String name, String value) {
        return "<init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>";
    }
}
