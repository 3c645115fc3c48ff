package dev.jwtee.core.refresh;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored refresh token. The token itself is never stored, only its SHA-256 hash.
 * Immutable.
 *
 * @param tokenHash base64url SHA-256 of the token, the lookup key
 * @param familyId id shared by a sign-in and all tokens rotated from it
 * @param subject the signed-in user
 * @param groups the roles to write into access tokens issued on refresh
 * @param issuedAt when this token was issued
 * @param expiresAt when this token stops working if unused (idle lifetime)
 * @param familyExpiresAt when the whole family stops working (absolute lifetime)
 * @param state whether the token is active, rotated, replaced or revoked
 * @param stateChangedAt when the state last changed; equals {@code issuedAt} while active
 */
public record RefreshTokenRecord(
        String tokenHash,
        String familyId,
        String subject,
        List<String> groups,
        Instant issuedAt,
        Instant expiresAt,
        Instant familyExpiresAt,
        State state,
        Instant stateChangedAt) {

    /** The life cycle of one refresh token. */
    public enum State {
        /** Can be exchanged once. */
        ACTIVE,
        /**
         * Was exchanged. Presenting it again is reuse, unless the grace period allows one retry
         * of its exchange.
         */
        ROTATED,
        /**
         * Was issued as a successor, then replaced unused when its predecessor was retried within
         * the grace period. The client that retried never received it, so presenting it is
         * reuse.
         */
        REPLACED,
        /** Revoked by sign-out, by reuse detection or by an administrator. */
        REVOKED
    }

    /** Checks for {@code null} and copies the groups. */
    public RefreshTokenRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subject, "subject");
        groups = List.copyOf(groups);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyExpiresAt, "familyExpiresAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateChangedAt, "stateChangedAt");
    }

    /**
     * Tells whether the idle or the absolute lifetime has run out at {@code now}.
     *
     * @param now the current time
     * @return true when the token may no longer be used
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt) || !now.isBefore(familyExpiresAt);
    }

    /**
     * Returns a copy in {@code newState} as of {@code changedAt}.
     *
     * @param newState the new state
     * @param changedAt when the state changed
     * @return the changed copy
     */
    public RefreshTokenRecord withState(State newState, Instant changedAt) {
        return new RefreshTokenRecord(tokenHash, familyId, subject, groups, issuedAt, expiresAt,
                familyExpiresAt, newState, changedAt);
    }
}
