package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
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

/**
 * The store, clock and services that the store contract tests share, and their helpers.
 * Subclasses supply a fresh, empty store per test and a way to look at what it holds.
 */
public abstract class StoreContractFixture {

    protected static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    protected static final Duration IDLE = Duration.ofHours(1);
    protected static final Duration ABSOLUTE = Duration.ofHours(3);
    protected static final Duration GRACE = Duration.ofSeconds(30);
    protected static final Duration RETENTION = Duration.ofMinutes(10);
    protected static final RefreshSettings SETTINGS = new RefreshSettings(true, StoreKind.MEMORY,
            IDLE, ABSOLUTE, Duration.ZERO, Duration.ofHours(1), RETENTION, Optional.empty(),
            Map.of());

    /** Threads that present one token at the same moment. */
    protected static final int THREADS = 50;

    private static final long WAIT_SECONDS = 60;

    protected MutableClock clock;
    protected RefreshTokenStore store;
    /** Without a grace period. */
    protected RefreshTokenService service;
    /** With a grace period of {@link #GRACE}, on the same store and clock. */
    protected RefreshTokenService graceService;

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

    /**
     * Returns every stored record of a family, read straight from the storage.
     *
     * @param familyId the family
     * @return its records, in no particular order
     */
    protected abstract List<RefreshTokenRecord> familyRecords(String familyId);

    @BeforeEach
    void createService() {
        clock = new MutableClock(START);
        useStore(newStore());
    }

    /**
     * Points both services at {@code newStore}, keeping the clock.
     *
     * @param newStore the store to use from now on
     */
    protected void useStore(RefreshTokenStore newStore) {
        store = newStore;
        service = new RefreshTokenService(store, SETTINGS, clock);
        graceService = new RefreshTokenService(store, SETTINGS.withGracePeriod(GRACE), clock);
    }

    /**
     * Returns a service without grace period on the test store that gets roles from
     * {@code refresher}.
     *
     * @param refresher the role refresher
     * @return the service
     */
    protected RefreshTokenService serviceWith(RoleRefresher refresher) {
        return new RefreshTokenService(store, SETTINGS, clock, refresher);
    }

    protected Reason rejection(String token) {
        return rejection(service, token);
    }

    protected static Reason rejection(RefreshTokenService on, String token) {
        return assertThrows(RefreshRejectedException.class, () -> on.rotate(token)).reason();
    }

    protected long count(String familyId, State state) {
        return familyRecords(familyId).stream().filter(record -> record.state() == state)
                .count();
    }

    protected RefreshTokenRecord stored(IssuedRefreshToken token) {
        return store.find(RefreshTokenService.hash(token.value())).orElseThrow();
    }

    /**
     * Runs {@code task} on {@code threads} threads released together, and returns what each
     * returned, or the exception it threw.
     */
    protected static List<Object> concurrently(int threads, Callable<Object> task)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            assertTrue(ready.await(WAIT_SECONDS, TimeUnit.SECONDS), "threads did not start");
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS),
                    "threads did not stop");
        }
    }

    /** Rotates {@code token} on {@code on}, returning the successor or the rejection reason. */
    protected static Callable<Object> rotation(RefreshTokenService on, String token) {
        return () -> {
            try {
                return on.rotate(token);
            } catch (RefreshRejectedException e) {
                return e.reason();
            }
        };
    }

    private static Object outcome(Future<Object> future) throws InterruptedException {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            return e;
        }
    }
}
