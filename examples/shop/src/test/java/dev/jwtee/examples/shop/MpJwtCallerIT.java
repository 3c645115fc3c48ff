package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.examples.shop.caller.CallerResource;
import dev.jwtee.examples.shop.caller.MpJwtCallerApplication;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link CallerContract} on a WAR protected by Payara's own MicroProfile JWT alone, without
 * jwtee, and what Payara Micro 6.2025.10 demands of a token beyond what jwtee does.
 */
@ExtendWith(ArquillianExtension.class)
class MpJwtCallerIT extends CallerContract {

    /** Makes CDI discover every class, so that Payara finds {@code @LoginConfig}. */
    static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
            + " version=\"4.0\" bean-discovery-mode=\"all\"/>";

    @Deployment(testable = false)
    static WebArchive mpJwtCaller() throws Exception {
        return ShrinkWrap.create(WebArchive.class, "mpjwt-caller.war")
                .addClasses(CallerResource.class, MpJwtCallerApplication.class)
                .addAsResource(CallerTokens.microProfileConfig(),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /** The {@code typ} header must be exactly {@code JWT}: jwtee's {@code at+jwt} fails. */
    @Test
    void jwteeIssuedToken_rejected() throws Exception {
        String token = CallerTokens.issueWithJwtee("u-1001", List.of("customer", "vip"),
                Map.of("upn", "alice@shop.example"));

        HttpResponse<String> response = get("api/caller", token);

        assertEquals(401, response.statusCode(), "status of an at+jwt token");
    }

    @Test
    void tokenWithoutType_rejected() throws Exception {
        HttpResponse<String> response = get("api/caller", CallerTokens.mint(null, ALICE_CLAIMS));

        assertEquals(401, response.statusCode(), "status of a token without typ");
    }

    @Test
    void tokenWithoutJti_rejected() throws Exception {
        Map<String, Object> claims = new HashMap<>(ALICE_CLAIMS);
        claims.put("jti", null);

        HttpResponse<String> response = get("api/caller", CallerTokens.mint("JWT", claims));

        assertEquals(401, response.statusCode(), "status of a token without jti");
    }

    @Test
    void tokenForOtherAudience_rejected() throws Exception {
        Map<String, Object> claims = new HashMap<>(ALICE_CLAIMS);
        claims.put("aud", "https://other.example");

        HttpResponse<String> response = get("api/caller", CallerTokens.mint("JWT", claims));

        assertEquals(401, response.statusCode(), "status of a token for another audience");
    }

    /** Without a token the request is anonymous; only role-protected methods need one. */
    @Test
    void noToken_anonymous() throws Exception {
        HttpResponse<String> response = get("api/caller", null);

        assertEquals(200, response.statusCode(), "status without a token");
        assertEquals(List.of("name=null", "remoteUser=null", "customer=false/false",
                "vip=false/false", "admin=false/false"), response.body().lines().toList(),
                "body without a token");
    }

    @Test
    void noToken_rolesAllowedUnauthorized() throws Exception {
        HttpResponse<String> response = get("api/caller/vip", null);

        assertEquals(401, response.statusCode(), "status of @RolesAllowed without a token");
    }
}
