package dev.jwtee.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly signed access token and its times. Immutable; {@link #toString()} hides the token.
 *
 * @param value the compact serialization to hand to the client
 * @param tokenId the {@code jti} claim
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 */
public record IssuedToken(String value, String tokenId, Instant issuedAt, Instant expiresAt) {

    /** Checks that no component is {@code null}. */
    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedToken[jti=" + tokenId + ", exp=" + expiresAt + "]";
    }
}
