package dev.jwtee.core.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * A response of the token or revocation endpoint, ready for an adapter to write. Every response
 * carries {@code Cache-Control: no-store} (RFC 6749 section 5.1). Immutable; the body of a
 * success holds tokens, so {@link #toString()} omits it.
 *
 * @param status the HTTP status
 * @param headers headers to set besides {@code Content-Type}
 * @param body the JSON body, or an empty string for none
 */
public record EndpointResponse(int status, Map<String, String> headers, String body) {

    /** The media type of a non-empty body. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    static final Map<String, String> NO_STORE = Map.of(
            "Cache-Control", "no-store",
            "Pragma", "no-cache");

    /**
     * Creates an error response in the RFC 6749 section 5.2 shape.
     *
     * @param status the HTTP status
     * @param error the error code, such as {@code invalid_request}
     * @param description a client-safe sentence that quotes no token or password
     * @return the response, with {@code Cache-Control: no-store} and {@code Pragma: no-cache}
     */
    public static EndpointResponse error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new EndpointResponse(status, NO_STORE, JsonUtil.toJson(body));
    }

    /** Copies the headers. */
    public EndpointResponse {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "EndpointResponse[status=" + status + "]";
    }
}
