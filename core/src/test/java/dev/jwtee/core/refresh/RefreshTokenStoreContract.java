package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link RefreshTokenStore} must show, checked through
 * {@link RefreshTokenService}: rotation, reuse, lifetimes and the grace period (inherited from
 * {@link RotationContract}), revocation, purging, role refreshing and concurrency. Subclasses
 * supply a fresh, empty store per test.
 */
public abstract class RefreshTokenStoreContract extends RotationContract {

    /** Rounds of a revocation racing a rotation; each round is one chance to interleave. */
    private static final int RACE_ROUNDS = 20;

    @Test
    void revoke_issuedToken_returnsFamilyId() {
        IssuedRefreshToken first = service.issue("alice", List.of());

        assertEquals(Optional.of(first.familyId()), service.revoke(first.value()));
    }

    @Test
    void revoke_issuedToken_rotateRejectsRevoked() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.revoke(first.value());

        assertEquals(Reason.REVOKED, rejection(first.value()));
    }

    @Test
    void revoke_oldTokenOfFamily_revokesNewest() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken second = service.rotate(first.value());
        service.revoke(first.value());

        assertEquals(Reason.REVOKED, rejection(second.value()));
    }

    @Test
    void revoke_rotatedFamily_revokesEveryRecord() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(service.rotate(first.value()).value());
        service.revoke(first.value());

        assertEquals(3, count(first.familyId(), State.REVOKED));
    }

    @Test
    void revoke_unknownToken_returnsEmpty() {
        assertEquals(Optional.empty(), service.revoke("B".repeat(43)));
    }

    @Test
    void revoke_malformedToken_returnsEmpty() {
        assertEquals(Optional.empty(), service.revoke("not a token"));
    }

    @Test
    void revokeAll_subject_revokesEveryFamilyOfSubject() throws Exception {
        IssuedRefreshToken firstFamily = service.issue("alice", List.of());
        IssuedRefreshToken secondFamily = service.rotate(service.issue("alice", List.of())
                .value());

        service.revokeAll("alice");

        assertEquals(Reason.REVOKED, rejection(firstFamily.value()));
        assertEquals(Reason.REVOKED, rejection(secondFamily.value()));
    }

    @Test
    void revokeAll_subject_countsChangedTokens() throws Exception {
        service.issue("alice", List.of());
        service.rotate(service.issue("alice", List.of()).value());
        service.issue("bob", List.of());

        assertEquals(3, service.revokeAll("alice"));
    }

    @Test
    void revokeAll_subject_leavesOtherSubjects() throws Exception {
        service.issue("alice", List.of());
        IssuedRefreshToken bob = service.issue("bob", List.of());

        service.revokeAll("alice");

        assertEquals("bob", service.rotate(bob.value()).subject());
    }

    @Test
    void revokeAll_subjectInOtherCase_leavesSubject() throws Exception {
        IssuedRefreshToken alice = service.issue("alice", List.of());

        service.revokeAll("ALICE");

        assertEquals("alice", service.rotate(alice.value()).subject());
    }

    @Test
    void revokeAll_unknownSubject_changesNothing() {
        service.issue("alice", List.of());

        assertEquals(0, service.revokeAll("nobody"));
    }

    @Test
    void purgeExpired_deletesOnlyExpiredFamilies() throws Exception {
        IssuedRefreshToken old = service.issue("alice", List.of());
        service.rotate(old.value());
        clock.advance(Duration.ofHours(2));
        IssuedRefreshToken recent = service.issue("bob", List.of());
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        int deleted = service.purgeExpired();

        assertEquals(2, deleted);
        assertEquals(Optional.empty(), store.find(RefreshTokenService.hash(old.value())));
        assertTrue(store.find(RefreshTokenService.hash(recent.value())).isPresent());
    }

    @Test
    void purgeExpired_familyExpiresExactlyNow_deletesIt() {
        service.issue("alice", List.of());
        clock.advance(ABSOLUTE);

        assertEquals(1, service.purgeExpired());
    }

    @Test
    void purgeExpired_nothingExpired_deletesNothing() {
        service.issue("alice", List.of());
        clock.advance(ABSOLUTE.minusSeconds(1));

        assertEquals(0, service.purgeExpired());
    }

    @Test
    void purgeExpired_liveFamily_keepsReuseDetection() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());
        clock.advance(IDLE.multipliedBy(2));
        service.purgeExpired();

        assertEquals(Reason.REUSED, rejection(first.value()));
    }

    @Test
    void purgeExpired_revokedLongerThanRetention_deletesFamily() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.revoke(first.value());
        clock.advance(RETENTION.plusSeconds(1));

        assertEquals(1, service.purgeExpired());
    }

    @Test
    void purgeExpired_revokedWithinRetention_keepsFamily() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.revoke(first.value());
        clock.advance(RETENTION.minusSeconds(1));

        assertEquals(0, service.purgeExpired());
    }

    @Test
    void purgeExpired_moreThanOneBatch_deletesAll() throws Exception {
        for (int i = 0; i < 7; i++) {
            service.rotate(service.issue("user" + i, List.of()).value());
        }
        clock.advance(ABSOLUTE);

        assertEquals(14, service.purgeExpired(3));
    }

    @Test
    void purgeExpired_batchSizeZero_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> service.purgeExpired(0));
    }

    @Test
    void purgeExpired_purgedToken_rejectsUnknown() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(ABSOLUTE);
        service.purgeExpired();

        assertEquals(Reason.UNKNOWN, rejection(first.value()));
    }

    @Test
    void rotate_roleRefresher_writesCurrentRolesToSuccessor() throws Exception {
        RefreshTokenService refreshing = serviceWith(
                (subject, stored) -> Optional.of(List.of("customer")));
        IssuedRefreshToken first = refreshing.issue("alice", List.of("customer", "admin"));

        assertEquals(List.of("customer"), refreshing.rotate(first.value()).groups());
    }

    @Test
    void rotate_roleRefresher_receivesRolesOfPreviousRefresh() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        RefreshTokenService refreshing = serviceWith((subject, stored) -> {
            seen.add(stored);
            return Optional.of(List.of("customer"));
        });
        IssuedRefreshToken first = refreshing.issue("alice", List.of("admin"));
        refreshing.rotate(refreshing.rotate(first.value()).value());

        assertEquals(List.of(List.of("admin"), List.of("customer")), seen);
    }

    @Test
    void rotate_roleRefresherSaysSubjectGone_rejectsSubjectUnknown() {
        IssuedRefreshToken first = service.issue("alice", List.of());

        assertEquals(Reason.SUBJECT_UNKNOWN,
                rejection(serviceWith((subject, stored) -> Optional.empty()), first.value()));
    }

    @Test
    void rotate_roleRefresherSaysSubjectGone_revokesFamily() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken second = service.rotate(first.value());
        rejection(serviceWith((subject, stored) -> Optional.empty()), second.value());

        assertEquals(2, count(first.familyId(), State.REVOKED));
    }

    @Test
    void rotate_roleRefresherThrows_leavesTokenUsable() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        RefreshTokenService failing = serviceWith((subject, stored) -> {
            throw new IllegalStateException("directory down");
        });
        assertThrows(IllegalStateException.class, () -> failing.rotate(first.value()));

        assertEquals(first.familyId(), service.rotate(first.value()).familyId());
    }

    @Test
    void rotate_roleRefresherOnRevokedToken_isNotAsked() {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.revoke(first.value());
        AtomicReference<String> asked = new AtomicReference<>();
        rejection(serviceWith((subject, stored) -> {
            asked.set(subject);
            return Optional.of(stored);
        }), first.value());

        assertNull(asked.get());
    }

    @Test
    void store_neverHoldsRawToken() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user"));
        IssuedRefreshToken second = service.rotate(first.value());

        List<String> values = storedValues();

        assertFalse(values.isEmpty());
        for (String value : values) {
            assertFalse(value.contains(first.value()), "first token stored in: " + value);
            assertFalse(value.contains(second.value()), "second token stored in: " + value);
        }
    }

    @Test
    void store_keepsHashOfToken() {
        IssuedRefreshToken first = service.issue("alice", List.of());

        assertEquals(first.familyId(), stored(first).familyId());
    }

    @Test
    void rotate_fiftyConcurrent_exactlyOneSucceeds() throws Exception {
        String token = service.issue("alice", List.of()).value();

        List<Object> outcomes = concurrently(THREADS, rotation(service, token));

        assertEquals(1, successes(outcomes).size(), outcomes.toString());
    }

    @Test
    void rotate_fiftyConcurrent_othersRejectedAsReuse() throws Exception {
        String token = service.issue("alice", List.of()).value();

        List<Object> outcomes = concurrently(THREADS, rotation(service, token));

        long reused = outcomes.stream().filter(outcome -> outcome == Reason.REUSED
                || outcome == Reason.REVOKED).count();
        assertEquals(THREADS - 1, reused, outcomes.toString());
    }

    @Test
    void rotate_fiftyConcurrent_leavesFamilyRevoked() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        concurrently(THREADS, rotation(service, first.value()));

        assertEquals(0, count(first.familyId(), State.ACTIVE));
    }

    @Test
    void rotate_fiftyConcurrent_storesExactlyTwoRecords() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        concurrently(THREADS, rotation(service, first.value()));

        assertEquals(2, familyRecords(first.familyId()).size());
    }

    @Test
    void rotate_fiftyConcurrentWithinGrace_allSucceed() throws Exception {
        String token = graceService.issue("alice", List.of()).value();

        List<Object> outcomes = concurrently(THREADS, rotation(graceService, token));

        assertEquals(THREADS, new HashSet<>(successes(outcomes)).size(), outcomes.toString());
    }

    @Test
    void rotate_fiftyConcurrentWithinGrace_leaveOneActiveToken() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        concurrently(THREADS, rotation(graceService, first.value()));

        assertEquals(1, count(first.familyId(), State.ACTIVE));
    }

    @Test
    void rotate_fiftyConcurrentWithinGrace_storeOneRecordPerSuccess() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        List<Object> outcomes = concurrently(THREADS, rotation(graceService, first.value()));

        assertEquals(1 + successes(outcomes).size(), familyRecords(first.familyId()).size());
    }

    @Test
    void revoke_racingRotation_leavesNoActiveToken() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            IssuedRefreshToken first = service.issue("alice", List.of());
            race(rotation(service, first.value()), () -> service.revoke(first.value()));

            assertEquals(0, count(first.familyId(), State.ACTIVE), "round " + round);
        }
    }

    @Test
    void revokeAll_racingRotation_leavesNoActiveToken() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            IssuedRefreshToken first = service.issue("alice", List.of());
            race(rotation(service, first.value()), () -> service.revokeAll("alice"));

            assertEquals(0, count(first.familyId(), State.ACTIVE), "round " + round);
        }
    }

    @Test
    void revoke_racingRetryWithinGrace_leavesNoActiveToken() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            IssuedRefreshToken first = graceService.issue("alice", List.of());
            graceService.rotate(first.value());
            race(rotation(graceService, first.value()), () -> graceService.revoke(first.value()));

            assertEquals(0, count(first.familyId(), State.ACTIVE), "round " + round);
        }
    }

    /** Runs two tasks released together and fails on any unexpected exception. */
    private static void race(Callable<Object> one, Callable<Object> other) throws Exception {
        List<Object> outcomes = concurrently(2, new Callable<>() {
            private final AtomicReference<Boolean> first = new AtomicReference<>(true);

            @Override
            public Object call() throws Exception {
                return first.getAndSet(false) ? one.call() : other.call();
            }
        });
        for (Object outcome : outcomes) {
            assertFalse(outcome instanceof Throwable, outcomes.toString());
        }
    }

    private static List<IssuedRefreshToken> successes(List<Object> outcomes) {
        return outcomes.stream().filter(IssuedRefreshToken.class::isInstance)
                .map(IssuedRefreshToken.class::cast).toList();
    }
}
