package dev.jwtee.core.token;

import dev.jwtee.core.config.TokenCacheSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Verifies tokens through a {@link TokenVerifier} and keeps the tokens that passed, so that a
 * token sent again is not verified again. Entries are keyed by the whole token string, compared
 * in full. A hit re-checks {@code exp} and {@code nbf} with the verifier's clock and skew, so a
 * cached token is rejected exactly when the verifier would reject it; a hit older than the
 * maximum age, or seen with a clock that went backwards, counts as a miss. Rejections are never
 * kept. When the cache is full, a clock sweep evicts entries that were not hit since the last
 * sweep.
 *
 * <p>Thread-safe. Hits take no lock; inserting past the size takes one eviction lock.
 */
public final class VerifiedTokenCache {

    private final TokenVerifier verifier;
    private final Clock clock;
    private final long skewSeconds;
    private final int maxEntries;
    private final long maxAgeMillis;
    private final ConcurrentHashMap<String, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final ReentrantLock evictionLock = new ReentrantLock();
    /** The clock hand; guarded by {@link #evictionLock}. */
    private Iterator<Entry> hand;

    /**
     * Creates a cache in front of {@code verifier}.
     *
     * @param verifier the verifier of misses, never {@code null}
     * @param settings size and maximum age, never {@code null}; a size of 0 turns it off
     * @param clockSkew the verifier's tolerance on {@code exp} and {@code nbf}, never
     *     {@code null}
     * @param clock the verifier's clock, never {@code null}
     */
    public VerifiedTokenCache(TokenVerifier verifier, TokenCacheSettings settings,
            Duration clockSkew, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skewSeconds = clockSkew.getSeconds();
        this.maxEntries = settings.maxEntries();
        this.maxAgeMillis = settings.maxAge().toMillis();
        this.entries = maxEntries == 0 ? null
                : new ConcurrentHashMap<>(Math.min(maxEntries, 1024) * 2);
    }

    /**
     * Returns the verified token for {@code token}, from the cache or from the verifier.
     *
     * @param token the compact serialization; {@code null} is rejected by the verifier
     * @return the same object the verifier returned when it verified this token
     * @throws TokenRejectedException with the reason the verifier rejected the token
     */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        if (entries == null || token == null) {
            return verifier.verify(token);
        }
        Instant now = clock.instant();
        Entry entry = entries.get(token);
        if (entry != null) {
            if (entry.usableAt(now, skewSeconds, maxAgeMillis)) {
                if (!entry.referenced) {
                    entry.referenced = true;
                }
                hits.increment();
                return entry.verified;
            }
            entries.remove(token, entry);
        }
        misses.increment();
        VerifiedToken verified = verifier.verify(token);
        entries.put(token, new Entry(token, verified, now.toEpochMilli()));
        if (entries.size() > maxEntries) {
            evict();
        }
        return verified;
    }

    /**
     * Returns the counters and the current size.
     *
     * @return never {@code null}; all zero when the cache is off
     */
    public TokenCacheStats stats() {
        return new TokenCacheStats(hits.sum(), misses.sum(), evictions.sum(),
                entries == null ? 0 : entries.size());
    }

    /** Sweeps until the cache is within its size: a hit entry gets a second chance. */
    private void evict() {
        evictionLock.lock();
        try {
            while (entries.size() > maxEntries) {
                if (hand == null || !hand.hasNext()) {
                    hand = entries.values().iterator();
                    if (!hand.hasNext()) {
                        return;
                    }
                }
                Entry candidate = hand.next();
                if (candidate.referenced) {
                    candidate.referenced = false;
                } else if (entries.remove(candidate.token, candidate)) {
                    evictions.increment();
                }
            }
        } finally {
            evictionLock.unlock();
        }
    }

    /** One verified token and the times that bound its use. */
    private static final class Entry {

        final String token;
        final VerifiedToken verified;
        final long expiresAt;
        final long notBefore;
        final long cachedAtMillis;
        /** Set by hits, cleared by the sweep; a racy flag is enough for a second chance. */
        volatile boolean referenced;

        Entry(String token, VerifiedToken verified, long cachedAtMillis) {
            this.token = token;
            this.verified = verified;
            this.expiresAt = verified.expiresAt().getEpochSecond();
            this.notBefore = verified.claim("nbf").map(Long.class::cast).orElse(Long.MIN_VALUE);
            this.cachedAtMillis = cachedAtMillis;
        }

        /** Applies the verifier's time rules to {@code now}, and the cache's own. */
        boolean usableAt(Instant now, long skew, long maxAgeMillis) {
            long nowMillis = now.toEpochMilli();
            if (nowMillis < cachedAtMillis || nowMillis - cachedAtMillis >= maxAgeMillis) {
                return false;
            }
            long seconds = now.getEpochSecond();
            return seconds < expiresAt + skew
                    && (notBefore == Long.MIN_VALUE || seconds + skew >= notBefore);
        }
    }
}
