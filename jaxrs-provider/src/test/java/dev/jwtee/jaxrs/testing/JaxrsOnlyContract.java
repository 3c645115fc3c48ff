package dev.jwtee.jaxrs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The HTTP behaviour that a JAX-RS-only WAR from {@link JaxrsOnlyWar} must show, whichever way
 * it registers jwtee. Subclasses deploy the WAR and return its URI.
 */
public abstract class JaxrsOnlyContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Returns the JAX-RS application's base URI on 127.0.0.1, with a trailing slash. */
    protected abstract URI apiUri() throws Exception;

    /** Returns the realm that the deployment's challenges must carry. */
    protected abstract String realm();

    @Test
    void roleProtected_noToken_challenge() throws Exception {
        HttpResponse<String> response = get("catalog/mine", null);

        assertEquals(401, response.statusCode(), "status");
        assertEquals("Bearer realm=\"" + realm() + "\"", header(response, "WWW-Authenticate"),
                "challenge");
        assertEquals("application/problem+json", header(response, "Content-Type"),
                "content type");
    }

    @Test
    void roleProtected_forgedToken_invalidToken() throws Exception {
        HttpResponse<String> response = get("catalog/mine",
                JaxrsOnlyWar.forgedToken("alice", "customer"));

        assertEquals(401, response.statusCode(), "status");
        String challenge = header(response, "WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"" + realm() + "\""), challenge);
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    }

    @Test
    void roleProtected_validToken_callerSeen() throws Exception {
        HttpResponse<String> response = get("catalog/mine",
                JaxrsOnlyWar.token("alice", "customer"));

        assertEquals(200, response.statusCode(), "status: " + response.body());
        assertEquals("alice", response.body(), "caller name in the security context");
    }

    @Test
    void roleProtected_roleMissing_insufficientScope() throws Exception {
        HttpResponse<String> response = get("catalog/admin",
                JaxrsOnlyWar.token("alice", "customer"));

        assertEquals(403, response.statusCode(), "status");
        String challenge = header(response, "WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    }

    @Test
    void roleProtected_rolePresent_served() throws Exception {
        HttpResponse<String> response = get("catalog/admin", JaxrsOnlyWar.token("carol", "admin"));

        assertEquals(200, response.statusCode(), "status: " + response.body());
        assertEquals("admin", response.body(), "body");
    }

    @Test
    void permitAll_noToken_served() throws Exception {
        HttpResponse<String> response = get("catalog/open", null);

        assertEquals(200, response.statusCode(), "status");
        assertEquals("open", response.body(), "body");
    }

    /** The authentication filter runs on open methods too, so a bad token is not ignored. */
    @Test
    void permitAll_forgedToken_invalidToken() throws Exception {
        HttpResponse<String> response = get("catalog/open",
                JaxrsOnlyWar.forgedToken("alice", "customer"));

        assertEquals(401, response.statusCode(), "status");
        String challenge = header(response, "WWW-Authenticate");
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    }

    /**
     * A verification-only deployment publishes no JWK set, so the document is not found,
     * whether the runtime registered {@code JwksResource} or not; it never requires a token.
     */
    @Test
    void jwksDocument_verificationOnly_notFound() throws Exception {
        assertEquals(200, get("catalog/open", null).statusCode(), "application is deployed");

        HttpResponse<String> response = get(".well-known/jwks.json", null);

        assertEquals(404, response.statusCode(), "status");
    }

    private HttpResponse<String> get(String relativePath, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(apiUri().resolve(relativePath))
                .timeout(TIMEOUT)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
