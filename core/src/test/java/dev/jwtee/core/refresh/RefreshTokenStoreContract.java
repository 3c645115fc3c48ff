package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link RefreshTokenStore} must show, checked through
 * {@link RefreshTokenService}. Subclasses supply a fresh, empty store per test.
 */
public abstract class RefreshTokenStoreContract {

    protected static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    protected static final Duration IDLE = Duration.ofHours(1);
    protected static final Duration ABSOLUTE = Duration.ofHours(3);

    private static final int THREADS = 16;

    protected MutableClock clock;
    protected RefreshTokenStore store;
    protected RefreshTokenService service;

    /**
     * Returns an empty store.
     *
     * @return the store under test
     */
    protected abstract RefreshTokenStore newStore();

    /**
     * Returns every value the store holds, each field or column as text.
     *
     * @return the stored values
     */
    protected abstract List<String> storedValues();

    @BeforeEach
    void createService() {
        clock = new MutableClock(START);
        store = newStore();
        service = new RefreshTokenService(store, new RefreshSettings(true, StoreKind.MEMORY,
                IDLE, ABSOLUTE, Map.of()), clock);
    }

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
    void rotate_activeToken_keepsSubjectAndGroups() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user", "admin"));

        IssuedRefreshToken second = service.rotate(first.value());

        assertEquals("alice", second.subject());
        assertEquals(List.of("user", "admin"), second.groups());
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
    void rotate_reuse_leavesOtherFamiliesAlone() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        IssuedRefreshToken other = service.issue("alice", List.of());
        service.rotate(first.value());
        rejection(first.value());

        IssuedRefreshToken rotated = service.rotate(other.value());

        assertEquals(other.familyId(), rotated.familyId());
    }

    @Test
    void rotate_unknownToken_rejectsUnknown() {
        String unknown = "A".repeat(43);

        assertEquals(Reason.UNKNOWN, rejection(unknown));
    }

    @Test
    void rotate_tooShort_rejectsMalformed() throws Exception {
        String value = service.issue("alice", List.of()).value();

        assertEquals(Reason.MALFORMED, rejection(value.substring(1)));
    }

    @Test
    void rotate_tooLong_rejectsMalformed() throws Exception {
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
    void rotate_beforeIdleLifetime_succeeds() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE.minusSeconds(1));

        IssuedRefreshToken second = service.rotate(first.value());

        assertEquals(first.familyId(), second.familyId());
    }

    @Test
    void rotate_idleLifetimeExceeded_rejectsExpired() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        clock.advance(IDLE);

        assertEquals(Reason.EXPIRED, rejection(first.value()));
    }

    @Test
    void issue_expiry_isIdleLifetime() {
        IssuedRefreshToken first = service.issue("alice", List.of());

        assertEquals(START.plus(IDLE), first.expiresAt());
    }

    @Test
    void rotate_nearAbsoluteLifetime_capsSuccessorExpiry() throws Exception {
        IssuedRefreshToken token = service.issue("alice", List.of());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            token = service.rotate(token.value());
        }

        assertEquals(START.plus(ABSOLUTE), token.expiresAt());
    }

    @Test
    void rotate_absoluteLifetimeReached_rejectsExpired() throws Exception {
        IssuedRefreshToken token = service.issue("alice", List.of());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            token = service.rotate(token.value());
        }
        clock.advance(Duration.ofMinutes(30));

        assertEquals(Reason.EXPIRED, rejection(token.value()));
    }

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
    void purgeExpired_nothingExpired_deletesNothing() {
        service.issue("alice", List.of());
        clock.advance(ABSOLUTE.minusSeconds(1));

        assertEquals(0, service.purgeExpired());
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

        RefreshTokenRecord record = store.find(RefreshTokenService.hash(first.value()))
                .orElseThrow();

        assertEquals(first.familyId(), record.familyId());
    }

    @Test
    void rotate_sixteenConcurrent_exactlyOneSucceeds() throws Exception {
        String token = service.issue("alice", List.of()).value();

        List<Object> outcomes = rotateConcurrently(token);

        long successes = outcomes.stream().filter(IssuedRefreshToken.class::isInstance).count();
        assertEquals(1, successes, outcomes.toString());
    }

    @Test
    void rotate_sixteenConcurrent_othersRejected() throws Exception {
        String token = service.issue("alice", List.of()).value();

        List<Object> outcomes = rotateConcurrently(token);

        long rejected = outcomes.stream().filter(Reason.class::isInstance).count();
        assertEquals(THREADS - 1, rejected, outcomes.toString());
    }

    @Test
    void rotate_sixteenConcurrent_reuseRevokesWinner() throws Exception {
        String token = service.issue("alice", List.of()).value();
        List<Object> outcomes = rotateConcurrently(token);
        IssuedRefreshToken winner = outcomes.stream().filter(IssuedRefreshToken.class::isInstance)
                .map(IssuedRefreshToken.class::cast).findFirst().orElseThrow();

        assertEquals(Reason.REVOKED, rejection(winner.value()));
    }

    /**
     * Rotates {@code token} from {@value #THREADS} threads released together, and returns each
     * thread's successor token, rejection reason or unexpected exception.
     */
    private List<Object> rotateConcurrently(String token) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Object> attempt = () -> {
                    ready.countDown();
                    start.await();
                    try {
                        return service.rotate(token);
                    } catch (RefreshRejectedException e) {
                        return e.reason();
                    }
                };
                futures.add(pool.submit(attempt));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "threads did not stop");
        }
    }

    private static Object outcome(Future<Object> future) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            return e;
        }
    }

    private Reason rejection(String token) {
        return assertThrows(RefreshRejectedException.class, () -> service.rotate(token))
                .reason();
    }
}
