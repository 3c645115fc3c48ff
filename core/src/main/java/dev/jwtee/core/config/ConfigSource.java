package dev.jwtee.core.config;

import java.util.Optional;

/**
 * A source of configuration values, looked up by jwtee key such as {@code jwtee.issuer}.
 *
 * <p>Implementations must be thread-safe. A source returns an empty {@code Optional} for a key
 * it does not define; a blank value counts as defined and is left to the reader to reject.
 */
@FunctionalInterface
public interface ConfigSource {

    /**
     * Returns the raw value of {@code key}, or an empty {@code Optional} when this source does
     * not define it.
     *
     * @param key a jwtee key, never {@code null}
     * @return the raw value, never {@code null}
     */
    Optional<String> get(String key);

    /**
     * Returns a human-readable name of this source, used in configuration error messages.
     *
     * @return a short description such as "system properties"
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
