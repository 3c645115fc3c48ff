package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Rotation, reuse detection, lifetimes and the grace period, as every store must show them
 * through {@link RefreshTokenService}.
 */
public abstract class RotationContract extends StoreContractFixture {

    private static final Duration MILLI = Duration.ofMillis(1);

    @Test
    void rotate_activeToken_returnsNewToken() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user", "admin"));

        IssuedRefreshToken second = service.rotate(first.value());

        assertNotEquals(first.value(), second.value());
    }

    @Test
    void rotate_activeToken_keepsFamily() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user", "admin"));

        IssuedRefreshToken second = service.rotate(first.value());

        assertEquals(first.familyId(), second.familyId());
    }

    @Test
    void rotate_activeToken_keepsSubject() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user", "admin"));

        assertEquals("alice", service.rotate(first.value()).subject());
    }

    @Test
    void rotate_activeToken_keepsGroups() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user", "admin"));

        assertEquals(List.of("user", "admin"), service.rotate(first.value()).groups());
    }

    @Test
    void rotate_activeToken_marksPresentedRotated() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());

        assertEquals(State.ROTATED, stored(first).state());
    }

    @Test
    void rotate_activeToken_storesSuccessorActive() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());

        IssuedRefreshToken second = service.rotate(first.value());

        assertEquals(State.ACTIVE, stored(second).state());
    }

    @Test
    void rotate_successor_rotatesAgain() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken second = service.rotate(first.value());

        IssuedRefreshToken third = service.rotate(second.value());

        assertEquals(first.familyId(), third.familyId());
    }

    @Test
    void rotate_usedTokenAgain_rejectsReused() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());

        assertEquals(Reason.REUSED, rejection(first.value()));
    }

    @Test
    void rotate_newestAfterReuse_rejectsRevoked() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken second = service.rotate(first.value());
        rejection(first.value());

        assertEquals(Reason.REVOKED, rejection(second.value()));
    }

    @Test
    void rotate_reuse_revokesEveryRecordOfFamily() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(service.rotate(first.value()).value());
        rejection(first.value());

        assertEquals(3, count(first.familyId(), State.REVOKED));
    }

    @Test
    void rotate_reuse_leavesOtherFamiliesAlone() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken other = service.issue("alice", List.of());
        service.rotate(first.value());
        rejection(first.value());

        IssuedRefreshToken rotated = service.rotate(other.value());

        assertEquals(other.familyId(), rotated.familyId());
    }

    @Test
    void rotate_reuse_logsWarningWithFamilyAndSubject() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());

        List<String> warnings = warningsDuring(() -> rejection(first.value()));

        assertEquals(List.of("Refresh token reuse detected; revoked family " + first.familyId()
                + " of subject alice"), warnings);
    }

    @Test
    void rotate_reuse_logNeverContainsToken() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken second = service.rotate(first.value());

        List<String> warnings = warningsDuring(() -> rejection(first.value()));

        assertFalse(warnings.toString().contains(first.value()), warnings.toString());
        assertFalse(warnings.toString().contains(second.value()), warnings.toString());
    }

    @Test
    void rotate_unknownToken_rejectsUnknown() {
        assertEquals(Reason.UNKNOWN, rejection("A".repeat(43)));
    }

    @Test
    void rotate_tooShort_rejectsMalformed() {
        String value = service.issue("alice", List.of()).value();

        assertEquals(Reason.MALFORMED, rejection(value.substring(1)));
    }

    @Test
    void rotate_tooLong_rejectsMalformed() {
        String value = service.issue("alice", List.of()).value();

        assertEquals(Reason.MALFORMED, rejection(value + "A"));
    }

    @Test
    void rotate_badCharacters_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection("+/" + "A".repeat(41)));
    }

    @Test
    void rotate_null_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(null));
    }

    @Test
    void issue_expiry_isIdleLifetime() {
        IssuedRefreshToken first = service.issue("alice", List.of());

        assertEquals(START.plus(IDLE), first.expiresAt());
    }

    @Test
    void rotate_oneMilliBeforeIdleExpiry_succeeds() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE.minus(MILLI));

        assertEquals(first.familyId(), service.rotate(first.value()).familyId());
    }

    @Test
    void rotate_idleExpiryExactlyNow_rejectsExpired() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE);

        assertEquals(Reason.EXPIRED, rejection(first.value()));
    }

    @Test
    void rotate_afterIdleExpiry_rejectsExpired() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE.plusSeconds(1));

        assertEquals(Reason.EXPIRED, rejection(first.value()));
    }

    @Test
    void rotate_expiredToken_staysActive() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE);
        rejection(first.value());

        assertEquals(State.ACTIVE, stored(first).state());
    }

    @Test
    void rotate_nearAbsoluteLifetime_capsSuccessorExpiry() throws Exception {
        IssuedRefreshToken token = rotatedTowardsFamilyExpiry();

        assertEquals(START.plus(ABSOLUTE), token.expiresAt());
    }

    @Test
    void rotate_oneMilliBeforeFamilyExpiry_succeeds() throws Exception {
        IssuedRefreshToken token = rotatedTowardsFamilyExpiry();
        clock.advance(Duration.ofMinutes(30).minus(MILLI));

        assertEquals(token.familyId(), service.rotate(token.value()).familyId());
    }

    @Test
    void rotate_familyExpiryExactlyNow_rejectsExpired() throws Exception {
        IssuedRefreshToken token = rotatedTowardsFamilyExpiry();
        clock.advance(Duration.ofMinutes(30));

        assertEquals(Reason.EXPIRED, rejection(token.value()));
    }

    @Test
    void rotate_previousTokenWithinGrace_returnsNewSuccessor() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        IssuedRefreshToken second = graceService.rotate(first.value());
        clock.advance(Duration.ofSeconds(10));

        IssuedRefreshToken third = graceService.rotate(first.value());

        assertNotEquals(second.value(), third.value());
    }

    @Test
    void rotate_previousTokenWithinGrace_keepsFamily() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of("user"));
        graceService.rotate(first.value());

        assertEquals(first.familyId(), graceService.rotate(first.value()).familyId());
    }

    @Test
    void rotate_previousTokenWithinGrace_leavesOneActiveToken() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        graceService.rotate(first.value());

        assertEquals(1, count(first.familyId(), State.ACTIVE));
    }

    @Test
    void rotate_previousTokenWithinGrace_marksEarlierSuccessorReplaced() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        IssuedRefreshToken second = graceService.rotate(first.value());
        graceService.rotate(first.value());

        assertEquals(State.REPLACED, stored(second).state());
    }

    @Test
    void rotate_previousTokenWithinGrace_newSuccessorRotates() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        IssuedRefreshToken third = graceService.rotate(first.value());

        assertEquals(first.familyId(), graceService.rotate(third.value()).familyId());
    }

    @Test
    void rotate_replacedSuccessor_rejectsReused() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        IssuedRefreshToken second = graceService.rotate(first.value());
        graceService.rotate(first.value());

        assertEquals(Reason.REUSED, rejection(graceService, second.value()));
    }

    @Test
    void rotate_replacedSuccessor_revokesNewSuccessor() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        IssuedRefreshToken second = graceService.rotate(first.value());
        IssuedRefreshToken third = graceService.rotate(first.value());
        rejection(graceService, second.value());

        assertEquals(Reason.REVOKED, rejection(graceService, third.value()));
    }

    @Test
    void rotate_previousTokenOneMilliBeforeGraceEnd_succeeds() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        clock.advance(GRACE.minus(MILLI));

        assertEquals(first.familyId(), graceService.rotate(first.value()).familyId());
    }

    @Test
    void rotate_previousTokenAtGraceEnd_rejectsReused() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        clock.advance(GRACE);

        assertEquals(Reason.REUSED, rejection(graceService, first.value()));
    }

    @Test
    void rotate_retryWindow_startsAtFirstRotation() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        clock.advance(GRACE.minusSeconds(5));
        graceService.rotate(first.value());
        clock.advance(Duration.ofSeconds(5));

        assertEquals(Reason.REUSED, rejection(graceService, first.value()));
    }

    @Test
    void rotate_previousTokenAfterSuccessorUsed_rejectsReused() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        IssuedRefreshToken second = graceService.rotate(first.value());
        graceService.rotate(second.value());

        assertEquals(Reason.REUSED, rejection(graceService, first.value()));
    }

    @Test
    void rotate_previousTokenAfterRevocation_rejectsRevoked() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());
        graceService.revoke(first.value());

        assertEquals(Reason.REVOKED, rejection(graceService, first.value()));
    }

    @Test
    void rotate_previousTokenWithoutGrace_rejectsReused() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());

        assertEquals(Reason.REUSED, rejection(first.value()));
    }

    @Test
    void rotate_previousTokenAtFamilyExpiry_rejectsExpired() throws Exception {
        IssuedRefreshToken last = rotatedTowardsFamilyExpiry();
        clock.advance(Duration.ofMinutes(30).minusSeconds(10));
        graceService.rotate(last.value());
        clock.advance(Duration.ofSeconds(10));

        assertEquals(Reason.EXPIRED, rejection(graceService, last.value()));
    }

    /** Rotates three times, 50 minutes apart: the third successor expires with its family. */
    private IssuedRefreshToken rotatedTowardsFamilyExpiry() throws Exception {
        IssuedRefreshToken token = service.issue("alice", List.of());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            token = service.rotate(token.value());
        }
        return token;
    }

    /** Returns the WARNING messages the service logs while {@code action} runs. */
    private static List<String> warningsDuring(Runnable action) {
        Logger logger = Logger.getLogger(RefreshTokenService.class.getName());
        List<String> messages = new ArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (messages) {
                        messages.add(formatter.formatMessage(record));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(messages.size() <= 1, messages.toString());
        return messages;
    }
}
