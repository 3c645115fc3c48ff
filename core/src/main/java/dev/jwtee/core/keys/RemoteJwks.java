package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigurationException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Signature keys fetched from a JWK set URL, for a service that verifies tokens that another
 * service issues. Every key is checked like a key of a JWKS file; see {@link RemoteJwksParser}
 * for what is skipped and what rejects a document.
 *
 * <p>Caching: the keys live in an immutable snapshot that a fetch replaces whole. A snapshot
 * is fresh for the response's {@code Cache-Control: max-age}, bounded by
 * {@link RemoteJwksSettings#minMaxAge()} and {@link RemoteJwksSettings#maxMaxAge()}, or for
 * {@link RemoteJwksSettings#defaultMaxAge()} without one; {@link #current()} refetches a stale
 * snapshot. A token whose {@code kid} is unknown causes a refetch at most once per
 * {@link RemoteJwksSettings#refetchInterval()}.
 *
 * <p>Failures: when a fetch fails (no connection, timeout, a status other than 200, a body
 * that is too large, not a JWK set, or without usable keys), the last good keys stay in use,
 * the next try waits one refetch interval, and one WARNING per run of failures names the URL
 * and the reason, never key material.
 *
 * <p>Thread-safe. At most one thread fetches at a time; the others go on with the current
 * snapshot instead of waiting. A fetch runs on the thread that found the snapshot stale or the
 * key unknown, so that request waits for at most the connect and read timeouts.
 */
public final class RemoteJwks implements VerificationKeys {

    private static final System.Logger LOG = System.getLogger(RemoteJwks.class.getName());

    private final RemoteJwksSettings settings;
    private final Clock clock;
    private final JwksHttp http;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** Whether the last fetch failed; guarded by {@link #fetchLock}. */
    private boolean failing;

    private RemoteJwks(RemoteJwksSettings settings, Clock clock, JwksHttp http,
            Snapshot first) {
        this.settings = settings;
        this.clock = clock;
        this.http = http;
        this.snapshot = first;
    }

    /**
     * Fetches the key set once and returns a source that keeps it current. A service without
     * keys cannot verify any token, so a failed first fetch fails the start.
     *
     * @param settings where and how to fetch, never {@code null}
     * @param clock the clock that decides freshness and rate limits, never {@code null}; use
     *     {@link Clock#systemUTC()} in production
     * @return the source
     * @throws ConfigurationException naming {@value RemoteJwksSettings#URL} if the first fetch
     *     fails, with the reason
     */
    public static RemoteJwks start(RemoteJwksSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        JwksHttp http = new JwksHttp(settings);
        Instant now = clock.instant();
        try {
            Fetched fetched = fetch(http, settings);
            LOG.log(Level.DEBUG, "Fetched the JWK set from {0}: {1}", settings.url(),
                    fetched.keys());
            return new RemoteJwks(settings, clock, http,
                    new Snapshot(fetched.keys(), now.plus(fetched.maxAge()), Instant.MIN));
        } catch (JwksFetchException e) {
            throw new ConfigurationException(RemoteJwksSettings.URL, "cannot fetch the JWK set"
                    + " from " + settings.url() + ": " + e.getMessage() + "; without keys no"
                    + " token can be verified, so jwtee does not start", e);
        }
    }

    /**
     * Returns the current keys, after refetching them if they are stale and no other thread
     * is fetching. A failed fetch is logged and keeps the last good keys, so it does not
     * reach the caller.
     *
     * @return the keys, never {@code null}
     */
    @Override
    public KeySet current() {
        Snapshot seen = snapshot;
        if (!isStale(seen)) {
            return seen.keys();
        }
        return refresh(seen, this::isStale, false);
    }

    /**
     * Returns the keys after refetching them, unless they already contain
     * {@code unknownKeyId}, the last refetch for an unknown key or the last failed fetch was
     * less than one refetch interval ago, or another thread is fetching. A failed fetch is
     * logged and keeps the last good keys, so it does not reach the caller.
     *
     * @param unknownKeyId the {@code kid} that was not found, never {@code null}
     * @return the keys, never {@code null}
     */
    @Override
    public KeySet refreshedFor(String unknownKeyId) {
        Predicate<Snapshot> worthFetching = candidate -> candidate.keys().find(unknownKeyId)
                .isEmpty() && !clock.instant().isBefore(candidate.kidRefetchAt());
        Snapshot seen = snapshot;
        if (!worthFetching.test(seen)) {
            return seen.keys();
        }
        return refresh(seen, worthFetching, true);
    }

    private boolean isStale(Snapshot candidate) {
        return !clock.instant().isBefore(candidate.staleAt());
    }

    /**
     * Fetches unless another thread is fetching or a fetch since {@code seen} made
     * {@code needed} false.
     */
    private KeySet refresh(Snapshot seen, Predicate<Snapshot> needed, boolean forUnknownKey) {
        if (!fetchLock.tryLock()) {
            return seen.keys();
        }
        try {
            Snapshot latest = snapshot;
            if (needed.test(latest)) {
                snapshot = fetchAfter(latest, forUnknownKey);
            }
            return snapshot.keys();
        } finally {
            fetchLock.unlock();
        }
    }

    /** Fetches once and returns the next snapshot; on failure, the same keys. */
    private Snapshot fetchAfter(Snapshot previous, boolean forUnknownKey) {
        Instant now = clock.instant();
        try {
            Fetched fetched = fetch(http, settings);
            if (failing) {
                LOG.log(Level.INFO, "Fetched the JWK set from {0} again: {1}", settings.url(),
                        fetched.keys());
                failing = false;
            } else {
                LOG.log(Level.DEBUG, "Refetched the JWK set from {0}: {1}", settings.url(),
                        fetched.keys());
            }
            Instant kidRefetchAt = forUnknownKey ? now.plus(settings.refetchInterval())
                    : previous.kidRefetchAt();
            return new Snapshot(fetched.keys(), now.plus(fetched.maxAge()), kidRefetchAt);
        } catch (JwksFetchException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot fetch the JWK set from {0}: {1}; verifying with"
                        + " the keys fetched before, {2}, and trying again in {3} s",
                        settings.url(), e.getMessage(), previous.keys(),
                        settings.refetchInterval().toSeconds());
                failing = true;
            }
            Instant retry = now.plus(settings.refetchInterval());
            return new Snapshot(previous.keys(), later(previous.staleAt(), retry),
                    later(previous.kidRefetchAt(), retry));
        }
    }

    private static Instant later(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }

    private static Fetched fetch(JwksHttp http, RemoteJwksSettings settings)
            throws JwksFetchException {
        JwksHttp.Response response = http.get();
        String json = new String(response.body(), StandardCharsets.UTF_8);
        KeySet keys = RemoteJwksParser.parse(json, settings.algorithms());
        return new Fetched(keys, maxAge(response.freshness(), settings));
    }

    private static Duration maxAge(Optional<Duration> freshness, RemoteJwksSettings settings) {
        if (freshness.isEmpty()) {
            return settings.defaultMaxAge();
        }
        Duration stated = freshness.get();
        if (stated.compareTo(settings.minMaxAge()) < 0) {
            return settings.minMaxAge();
        }
        return stated.compareTo(settings.maxMaxAge()) > 0 ? settings.maxMaxAge() : stated;
    }

    /** Returns the URL and the key ids and algorithms of the current keys. */
    @Override
    public String toString() {
        return settings.url() + " " + snapshot.keys();
    }

    /**
     * The keys of the last successful fetch, when they turn stale, and from when an unknown
     * key may cause the next fetch.
     */
    private record Snapshot(KeySet keys, Instant staleAt, Instant kidRefetchAt) {
    }

    /** A parsed response and how long it stays fresh. */
    private record Fetched(KeySet keys, Duration maxAge) {
    }
}
