package dev.jwtee.core.keys;

/**
 * Signals that fetching or reading a remote JWK set failed. The message gives the reason in a
 * form that is safe to log, without key material or the response body.
 */
final class JwksFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    JwksFetchException(String reason) {
        super(reason, null, false, false);
    }

    JwksFetchException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
