package dev.jwtee.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the verified-token cache: how many verified tokens are kept and for how long at
 * most. A cached token is still rejected once it expires; the maximum age bounds how long a
 * token keeps working after its signing key is removed. Immutable.
 *
 * @param maxEntries the most tokens kept, 0 to turn the cache off
 * @param maxAge the longest time a token stays cached after it was verified, 1 to 300 seconds
 */
public record TokenCacheSettings(int maxEntries, Duration maxAge) {

    /** Largest number of entries that can be configured. */
    public static final int MAX_ENTRIES = 1_000_000;

    /** Largest maximum age that can be configured. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** The defaults: 10000 entries for at most 60 seconds each. */
    public static final TokenCacheSettings DEFAULTS =
            new TokenCacheSettings(10_000, Duration.ofSeconds(60));

    /** No cache: every token is verified in full. */
    public static final TokenCacheSettings OFF = new TokenCacheSettings(0, Duration.ofSeconds(60));

    static final String SIZE = "jwtee.token.cache-size";
    static final String AGE = "jwtee.token.cache-max-age";

    /** Validates the components. */
    public TokenCacheSettings {
        if (maxEntries < 0 || maxEntries > MAX_ENTRIES) {
            throw new ConfigurationException(SIZE, "must be 0 to " + MAX_ENTRIES + " entries");
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.compareTo(Duration.ofSeconds(1)) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
            throw new ConfigurationException(AGE,
                    "must be 1 to " + MAX_AGE.getSeconds() + " seconds");
        }
    }

    /**
     * Tells whether the cache is on.
     *
     * @return {@code true} when at least one entry may be kept
     */
    public boolean enabled() {
        return maxEntries > 0;
    }

    static TokenCacheSettings read(ConfigReader reader) {
        return new TokenCacheSettings(
                reader.integer(SIZE, DEFAULTS.maxEntries(), 0, MAX_ENTRIES),
                reader.seconds(AGE, DEFAULTS.maxAge(), Duration.ofSeconds(1), MAX_AGE));
    }
}
