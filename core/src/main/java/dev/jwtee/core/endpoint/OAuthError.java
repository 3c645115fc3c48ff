package dev.jwtee.core.endpoint;

/**
 * Token-endpoint error codes of RFC 6749 section 5.2, plus {@code temporarily_unavailable} for
 * a storage failure, with the HTTP status each one is sent with.
 */
enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_GRANT("invalid_grant", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    EndpointResponse response(String description) {
        return EndpointResponse.error(status, code, description);
    }
}
