package dev.jwtee.core.refresh;

import java.util.Locale;
import java.util.Objects;

/**
 * Signals that a presented refresh token cannot be exchanged. At the token endpoint every
 * reason becomes {@code invalid_grant}; the reason is for logs and application code. Its
 * message contains the reason code only, never the token.
 */
public final class RefreshRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a refresh token was rejected. */
    public enum Reason {
        /** Not 43 base64url characters, so it cannot be a jwtee refresh token. */
        MALFORMED,
        /** No stored token has this hash. */
        UNKNOWN,
        /** The token was used before; its family is now revoked. */
        REUSED,
        /** The token or its family was revoked. */
        REVOKED,
        /** The token's idle lifetime or its family's absolute lifetime has run out. */
        EXPIRED,
        /**
         * The {@link RoleRefresher} reported that the subject no longer exists; the family is now
         * revoked.
         */
        SUBJECT_UNKNOWN;

        /**
         * Returns the reason code, such as {@code reused}.
         *
         * @return the lower-case name
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    /**
     * Creates an exception for {@code reason}.
     *
     * @param reason why the token was rejected, never {@code null}
     */
    public RefreshRejectedException(Reason reason) {
        super("Refresh token rejected: " + Objects.requireNonNull(reason, "reason").code(),
                null, false, false);
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
}
