package dev.jwtee.core.token;

/**
 * A snapshot of the verified-token cache's counters since start-up. Immutable and thread-safe.
 * With the cache off, every count is 0.
 *
 * @param hits tokens served from the cache
 * @param misses tokens verified in full while the cache was on, rejected ones included
 * @param evictions entries removed to keep the cache within its size
 * @param size entries held when the snapshot was taken
 */
public record TokenCacheStats(long hits, long misses, long evictions, int size) {
}
