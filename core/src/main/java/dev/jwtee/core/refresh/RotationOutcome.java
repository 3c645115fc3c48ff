package dev.jwtee.core.refresh;

import java.util.Optional;

/**
 * What one rotation attempt did. Immutable.
 *
 * @param status the result
 * @param presented the stored record of the presented token, or {@code null} when unknown
 * @param successor the new active record when {@code status} is {@link Status#ROTATED} or
 *     {@link Status#RETRIED}, else {@code null}
 */
public record RotationOutcome(Status status, RefreshTokenRecord presented,
        RefreshTokenRecord successor) {

    /** The result of a rotation attempt. */
    public enum Status {
        /** The presented token was active; it is now rotated and {@code successor} exists. */
        ROTATED,
        /**
         * The presented token was rotated within the grace period and its successor was still
         * unused: that successor is now replaced and {@code successor} is the family's only
         * active token.
         */
        RETRIED,
        /** No token has the presented hash. */
        UNKNOWN,
        /**
         * The presented token was already rotated (outside the grace period, or its successor was
         * used) or replaced; its whole family is now revoked.
         */
        REUSED,
        /** The presented token was revoked earlier. */
        REVOKED,
        /** The presented token's idle or absolute lifetime has run out. */
        EXPIRED
    }

    /**
     * Returns the presented token's record.
     *
     * @return the record, or empty for {@link Status#UNKNOWN}
     */
    public Optional<RefreshTokenRecord> presentedRecord() {
        return Optional.ofNullable(presented);
    }
}
