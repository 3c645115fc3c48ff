package dev.jwtee.core.refresh;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs {@link RefreshTokenService#purgeExpired()} at a fixed delay
 * ({@code jwtee.refresh.purge-interval}), first one interval after the start. Inside a Jakarta
 * EE server it uses the container's default {@code ManagedScheduledExecutorService}; elsewhere
 * one daemon thread of its own. A failed purge is logged at WARNING and the schedule goes on.
 *
 * <p>Thread-safe. {@link #close()} stops it; a purge already running finishes its batch.
 */
public final class PurgeSchedule implements AutoCloseable {

    /** JNDI name of the container's default managed scheduled executor. */
    public static final String MANAGED_EXECUTOR =
            "java:comp/DefaultManagedScheduledExecutorService";

    static final String THREAD_NAME = "jwtee-refresh-purge";

    private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());
    private static final long STOP_WAIT_SECONDS = 10;

    private final ScheduledFuture<?> task;
    private final ExecutorService ownExecutor;

    private PurgeSchedule(ScheduledFuture<?> task, ExecutorService ownExecutor) {
        this.task = task;
        this.ownExecutor = ownExecutor;
    }

    /**
     * Starts purging every {@code interval}, on the container's managed executor when JNDI
     * has one, else on a new daemon thread.
     *
     * @param service the service whose records are purged, never {@code null}
     * @param interval the delay between the end of one purge and the start of the next,
     *     positive
     * @return the running schedule; close it at shutdown
     */
    public static PurgeSchedule start(RefreshTokenService service, Duration interval) {
        ScheduledExecutorService managed = managedExecutor();
        if (managed != null) {
            LOG.log(Level.INFO, "Purging refresh tokens every {0} s on the container''s managed"
                    + " executor", interval.getSeconds());
            return start(service, interval, managed, false);
        }
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        LOG.log(Level.INFO, "Purging refresh tokens every {0} s on thread {1}",
                interval.getSeconds(), THREAD_NAME);
        return start(service, interval, own, true);
    }

    /**
     * Starts purging on {@code executor}.
     *
     * @param owned whether {@link #close()} shuts the executor down; false for a container's
     */
    static PurgeSchedule start(RefreshTokenService service, Duration interval,
            ScheduledExecutorService executor, boolean owned) {
        Objects.requireNonNull(service, "service");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, not " + interval);
        }
        long millis = interval.toMillis();
        ScheduledFuture<?> task = executor.scheduleWithFixedDelay(() -> purgeOnce(service),
                millis, millis, TimeUnit.MILLISECONDS);
        return new PurgeSchedule(task, owned ? executor : null);
    }

    /**
     * Tells whether the schedule has been stopped.
     *
     * @return true after {@link #close()}
     */
    public boolean isClosed() {
        return task.isCancelled();
    }

    /**
     * Stops the schedule and, when the executor is this schedule's own, shuts its thread down
     * and waits up to ten seconds for a running purge to finish.
     */
    @Override
    public void close() {
        task.cancel(false);
        if (ownExecutor == null) {
            return;
        }
        ownExecutor.shutdownNow();
        try {
            if (!ownExecutor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Thread {0} did not stop within {1} s", THREAD_NAME,
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void purgeOnce(RefreshTokenService service) {
        try {
            int deleted = service.purgeExpired();
            LOG.log(Level.DEBUG, "Purged {0} refresh-token records", deleted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging refresh tokens failed; next try in one interval", e);
        }
    }

    private static ScheduledExecutorService managedExecutor() {
        try {
            Object found = new InitialContext().lookup(MANAGED_EXECUTOR);
            return found instanceof ScheduledExecutorService executor ? executor : null;
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.DEBUG, "No managed scheduled executor: {0}", e.toString());
            return null;
        }
    }
}
