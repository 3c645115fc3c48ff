package dev.jwtee.core.http;

import dev.jwtee.core.token.TokenRejectedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * A 400, 401 or 403 response to a protected-resource request: the status, the
 * {@code WWW-Authenticate} challenge (RFC 6750 section 3) and an
 * {@code application/problem+json} body (RFC 9457). Both adapters send exactly this, so they
 * behave the same. Immutable; no part of it quotes the token.
 *
 * @param status the HTTP status
 * @param challenge the {@code WWW-Authenticate} header value, or {@code null} for none
 * @param body the problem JSON document
 */
public record AuthenticationProblem(int status, String challenge, String body) {

    /** The media type of {@link #body()}. */
    public static final String CONTENT_TYPE = "application/problem+json";

    /**
     * Creates the response for a protected path requested without credentials.
     *
     * @param realm the realm, already validated as a safe quoted-string
     * @return a 401 with a bare challenge
     */
    public static AuthenticationProblem missingToken(String realm) {
        return new AuthenticationProblem(401, "Bearer realm=\"" + realm + "\"",
                problem(401, "Unauthorized", "An access token is required.", null));
    }

    /**
     * Creates the response for a malformed {@code Authorization} header.
     *
     * @param realm the realm
     * @return a 400 with {@code error="invalid_request"}
     */
    public static AuthenticationProblem malformedHeader(String realm) {
        String detail = "The Authorization header must be 'Bearer' followed by one token.";
        return new AuthenticationProblem(400, challenge(realm, "invalid_request", detail),
                problem(400, "Bad Request", detail, "invalid_request"));
    }

    /**
     * Creates the response for a rejected token.
     *
     * @param realm the realm
     * @param rejection why the token was rejected
     * @return a 401 with {@code error="invalid_token"}
     */
    public static AuthenticationProblem invalidToken(String realm,
            TokenRejectedException rejection) {
        String detail = rejection.reason().description();
        return new AuthenticationProblem(401, challenge(realm, "invalid_token", detail),
                problem(401, "Unauthorized", detail, "invalid_token"));
    }

    /**
     * Creates the response for a caller who lacks the required role.
     *
     * @param realm the realm
     * @return a 403 with {@code error="insufficient_scope"}
     */
    public static AuthenticationProblem insufficientScope(String realm) {
        String detail = "The caller lacks a role required for this resource.";
        return new AuthenticationProblem(403, challenge(realm, "insufficient_scope", detail),
                problem(403, "Forbidden", detail, "insufficient_scope"));
    }

    /**
     * Creates the response for every request while jwtee could not start, so that a broken
     * set-up fails closed. The body names no configuration detail; the server log does.
     *
     * @return a 503 without a challenge
     */
    public static AuthenticationProblem unavailable() {
        return new AuthenticationProblem(503, null, problem(503, "Service Unavailable",
                "Authentication is not available on this server; see the server log.", null));
    }

    private static String challenge(String realm, String error, String description) {
        return "Bearer realm=\"" + realm + "\", error=\"" + error + "\", error_description=\""
                + description + "\"";
    }

    private static String problem(int status, String title, String detail, String error) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "about:blank");
        document.put("title", title);
        document.put("status", status);
        document.put("detail", detail);
        if (error != null) {
            document.put("error", error);
        }
        return JsonUtil.toJson(document);
    }
}
