package dev.jwtee.core.refresh;

import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules that decide one rotation, shared by every {@link RefreshTokenStore} so that they all
 * behave alike. A store locks the presented record and calls {@link #needsSuccessor}. When that
 * returns true, the decision depends on the record's successor, so the store locks and loads it
 * too. Then the store carries out what {@link #decide} returns. Stateless and thread-safe.
 */
public final class RotationRules {

    private RotationRules() {
    }

    /**
     * Tells whether {@link #decide} needs the presented record's successor: only for a rotated
     * token presented again within the grace period.
     *
     * @param presented the stored record of the presented token, never {@code null}
     * @param now the current time
     * @param gracePeriod how long after its rotation a token may be retried; zero for never
     * @return true when the store must load the successor before deciding
     */
    public static boolean needsSuccessor(RefreshTokenRecord presented, Instant now,
            Duration gracePeriod) {
        return presented.state() == State.ROTATED && withinGrace(presented, now, gracePeriod);
    }

    /**
     * Decides what presenting a token does.
     *
     * <ul>
     * <li>{@link Status#REVOKED} for a revoked token;
     * <li>{@link Status#REUSED} for a replaced token, and for a rotated one unless it is retried
     *     within the grace period while its successor is still active;
     * <li>{@link Status#EXPIRED} when the idle or absolute lifetime ran out: for an active token
     *     at or after its expiry, for a retried one at or after its successor's expiry;
     * <li>{@link Status#RETRIED} for a rotated token within the grace period whose successor is
     *     still active: the successor is to be replaced by a new one;
     * <li>{@link Status#ROTATED} for an active token before its expiry.
     * </ul>
     *
     * @param presented the stored record of the presented token, never {@code null}
     * @param successor the presented record's current successor when {@link #needsSuccessor}
     *     returned true and the successor exists, else {@code null}
     * @param now the current time
     * @param gracePeriod how long after its rotation a token may be retried; zero for never
     * @return the status the store reports; never {@link Status#UNKNOWN}
     */
    public static Status decide(RefreshTokenRecord presented, RefreshTokenRecord successor,
            Instant now, Duration gracePeriod) {
        Objects.requireNonNull(presented, "presented");
        switch (presented.state()) {
            case REVOKED:
                return Status.REVOKED;
            case REPLACED:
                return Status.REUSED;
            case ROTATED:
                if (successor == null || successor.state() != State.ACTIVE
                        || !withinGrace(presented, now, gracePeriod)) {
                    return Status.REUSED;
                }
                return successor.isExpiredAt(now) ? Status.EXPIRED : Status.RETRIED;
            default:
                return presented.isExpiredAt(now) ? Status.EXPIRED : Status.ROTATED;
        }
    }

    /** The window runs from the first rotation, so retries never extend it. */
    private static boolean withinGrace(RefreshTokenRecord rotated, Instant now,
            Duration gracePeriod) {
        return !gracePeriod.isZero() && !gracePeriod.isNegative()
                && now.isBefore(rotated.stateChangedAt().plus(gracePeriod));
    }
}
