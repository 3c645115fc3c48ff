package dev.jwtee.core.refresh;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refresh token as handed to the client, with what the server knows about it. Immutable;
 * {@link #toString()} hides the token.
 *
 * @param value the opaque token: 256 random bits, base64url without padding
 * @param familyId the family it belongs to
 * @param subject the signed-in user
 * @param groups the roles carried into refreshed access tokens
 * @param expiresAt when it stops working if unused
 */
public record IssuedRefreshToken(String value, String familyId, String subject,
        List<String> groups, Instant expiresAt) {

    /** Checks for {@code null} and copies the groups. */
    public IssuedRefreshToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subject, "subject");
        groups = List.copyOf(groups);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[family=" + familyId + ", sub=" + subject + ", exp="
                + expiresAt + "]";
    }
}
