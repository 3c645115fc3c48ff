package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The background purge: what it schedules, what one run does, and how it stops. */
class PurgeScheduleTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final RefreshSettings SETTINGS = new RefreshSettings(true, StoreKind.MEMORY,
            Duration.ofHours(1), Duration.ofHours(3), Map.of());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();
    private final RefreshTokenService service = new RefreshTokenService(store, SETTINGS, clock);
    private CapturingExecutor executor;

    @BeforeEach
    void createExecutor() {
        executor = new CapturingExecutor();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void start_interval_isFirstDelay() {
        PurgeSchedule.start(service, INTERVAL, executor, true);

        assertEquals(INTERVAL.toMillis(), executor.initialDelay);
    }

    @Test
    void start_interval_isDelayBetweenRuns() {
        PurgeSchedule.start(service, INTERVAL, executor, true);

        assertEquals(INTERVAL.toMillis(), executor.delay);
    }

    @Test
    void scheduledTask_expiredFamily_isPurged() {
        IssuedRefreshToken issued = service.issue("alice", List.of());
        PurgeSchedule.start(service, INTERVAL, executor, true);
        clock.advance(Duration.ofHours(3));

        executor.command.run();

        assertEquals(Optional.empty(), store.find(RefreshTokenService.hash(issued.value())));
    }

    @Test
    void scheduledTask_storeFails_doesNotThrow() {
        RefreshTokenService failing = new RefreshTokenService(new FailingPurgeStore(), SETTINGS,
                clock);
        PurgeSchedule.start(failing, INTERVAL, executor, true);

        assertDoesNotThrow(executor.command::run);
    }

    @Test
    void close_ownExecutor_shutsItDown() {
        PurgeSchedule.start(service, INTERVAL, executor, true).close();

        assertTrue(executor.isTerminated());
    }

    @Test
    void close_containerExecutor_leavesItRunning() {
        PurgeSchedule.start(service, INTERVAL, executor, false).close();

        assertFalse(executor.isShutdown());
    }

    @Test
    void close_containerExecutor_cancelsTask() {
        PurgeSchedule schedule = PurgeSchedule.start(service, INTERVAL, executor, false);

        schedule.close();

        assertTrue(schedule.isClosed());
    }

    @Test
    void start_outsideContainer_runsOnDaemonThread() {
        Set<Thread> before = purgeThreads();
        try (PurgeSchedule schedule = PurgeSchedule.start(service, INTERVAL)) {
            assertEquals(before.size() + 1, purgeThreads().size());
        }
    }

    @Test
    void close_outsideContainer_stopsThread() throws InterruptedException {
        Set<Thread> before = purgeThreads();
        PurgeSchedule schedule = PurgeSchedule.start(service, INTERVAL);
        Set<Thread> started = purgeThreads();
        started.removeAll(before);

        schedule.close();

        // Threads left by other tests may end meanwhile, so only this schedule's are checked.
        for (Thread thread : started) {
            thread.join(5_000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close");
        }
    }

    /** Returns the live daemon threads named like the purge thread. */
    static Set<Thread> purgeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(PurgeSchedule.THREAD_NAME)
                        && thread.isDaemon() && thread.isAlive())
                .collect(Collectors.toSet());
    }

    /** Records what is scheduled on it; the task itself never comes due during a test. */
    private static final class CapturingExecutor extends ScheduledThreadPoolExecutor {

        Runnable command;
        long initialDelay;
        long delay;

        CapturingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initial, long between,
                TimeUnit unit) {
            command = task;
            initialDelay = unit.toMillis(initial);
            delay = unit.toMillis(between);
            return super.scheduleWithFixedDelay(task, initial, between, unit);
        }
    }

    /** A store whose purge fails as if the database were down. */
    private static final class FailingPurgeStore implements RefreshTokenStore {

        @Override
        public void insert(RefreshTokenRecord record) {
        }

        @Override
        public RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
                UnaryOperator<RefreshTokenRecord> successor) {
            return new RotationOutcome(RotationOutcome.Status.UNKNOWN, null, null);
        }

        @Override
        public Optional<RefreshTokenRecord> find(String tokenHash) {
            return Optional.empty();
        }

        @Override
        public int revokeFamily(String familyId, Instant now) {
            return 0;
        }

        @Override
        public int revokeSubject(String subject, Instant now) {
            return 0;
        }

        @Override
        public int purge(Instant now, Instant revokedBefore, int limit) {
            throw new IllegalStateException("connection refused");
        }
    }
}
