package dev.jwtee.core.token;

import java.util.Locale;
import java.util.Objects;

/**
 * Signals that one access token was rejected. The {@link Reason} gives the cause in a stable,
 * machine-readable form; the message is a fixed sentence per reason that is safe to send to the
 * client, because it never quotes the token or any of its claims.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The reason a token was rejected. {@link #code()} is stable and safe to log. */
    public enum Reason {
        /** The token is missing, not three base64url segments, or not valid JSON. */
        MALFORMED("The token is malformed."),
        /** The raw token exceeds the configured maximum size. */
        TOO_LARGE("The token is too large."),
        /** The token uses an algorithm outside the allow-list, {@code none} included. */
        UNSUPPORTED_ALGORITHM("The token's algorithm is not accepted."),
        /** The {@code kid} names no configured key, or is absent while several keys exist. */
        UNKNOWN_KEY("The token's key is unknown."),
        /** The token's {@code alg} differs from the algorithm its key is bound to. */
        ALGORITHM_MISMATCH("The token's algorithm does not match its key."),
        /**
         * A header parameter is not accepted: {@code crit}, {@code b64}, {@code zip} on a
         * signature, or a PBES2 iteration count outside the accepted range.
         */
        UNSUPPORTED_HEADER("The token uses a header this server does not accept."),
        /** The token is encrypted where a signed one is expected, or the other way round. */
        WRONG_FORM("The token's form, signed or encrypted, is not accepted here."),
        /** An encrypted token cannot be decrypted with the configured keys. */
        DECRYPTION_FAILED("The token cannot be decrypted."),
        /** The signature does not verify. */
        BAD_SIGNATURE("The token's signature is invalid."),
        /** The {@code exp} time has passed. */
        EXPIRED("The token has expired."),
        /** The {@code nbf} time has not come yet. */
        NOT_YET_VALID("The token is not valid yet."),
        /** The {@code iss} claim is not the configured issuer. */
        WRONG_ISSUER("The token was issued by another issuer."),
        /** The {@code aud} claim does not contain the configured audience. */
        WRONG_AUDIENCE("The token is meant for another audience."),
        /** The {@code typ} header is missing or not an accepted type. */
        WRONG_TYPE("The token is not an access token."),
        /** A required claim ({@code exp}, {@code iat}, {@code iss}, {@code aud}, {@code sub}) is
         * missing. */
        MISSING_CLAIM("The token lacks a required claim."),
        /** A claim has the wrong type or an impossible value. */
        INVALID_CLAIM("The token has an invalid claim.");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /**
         * Returns the reason code, such as {@code expired} or {@code bad_signature}.
         *
         * @return the lower-case name
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Returns the fixed client-safe sentence for this reason.
         *
         * @return a sentence such as "The token has expired."
         */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    /**
     * Creates an exception for {@code reason}, with the reason's fixed description as message.
     *
     * @param reason why the token was rejected, never {@code null}
     */
    public TokenRejectedException(Reason reason) {
        this(reason, null);
    }

    /**
     * Creates an exception for {@code reason} with an underlying cause, kept for debugging.
     *
     * @param reason why the token was rejected, never {@code null}
     * @param cause the library exception behind the rejection, or {@code null}
     */
    public TokenRejectedException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").description(), cause, false, false);
        this.reason = reason;
    }

    /**
     * Returns why the token was rejected.
     *
     * @return never {@code null}
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Tells whether the token was rejected only because it has expired, so the client should
     * refresh it.
     *
     * @return true for {@link Reason#EXPIRED}
     */
    public boolean isExpired() {
        return reason == Reason.EXPIRED;
    }
}
