package dev.jwtee.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates the standard {@link ConfigSource} implementations and chains them.
 *
 * <p>All sources returned here are immutable or read live thread-safe JDK state, so they are
 * safe to share between threads.
 */
public final class ConfigSources {

    private ConfigSources() {
    }

    /**
     * Creates a source backed by a copy of {@code values}.
     *
     * @param name the name used in error messages
     * @param values key/value pairs; copied, never {@code null}
     * @return an immutable source
     */
    public static ConfigSource of(String name, Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return named(name, key -> Optional.ofNullable(copy.get(key)));
    }

    /**
     * Creates a source that reads a lookup function, such as a servlet's
     * {@code getInitParameter}. The function may return {@code null} for an undefined key.
     *
     * @param name the name used in error messages
     * @param lookup the function to call for each key
     * @return a source that calls {@code lookup} on every read
     */
    public static ConfigSource fromFunction(String name, Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return named(name, key -> Optional.ofNullable(lookup.apply(key)));
    }

    /**
     * Creates a source that reads JVM system properties with the key as it is.
     *
     * @return a source over {@link System#getProperty(String)}
     */
    public static ConfigSource systemProperties() {
        return named("system properties", key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * Creates a source that reads environment variables, mapping {@code jwtee.keys.hmac-secret}
     * to {@code JWTEE_KEYS_HMAC_SECRET}.
     *
     * @return a source over {@link System#getenv(String)}
     */
    public static ConfigSource environment() {
        return named("environment variables",
                key -> Optional.ofNullable(System.getenv(environmentName(key))));
    }

    /**
     * Returns the environment variable name for a key: upper case, with every character that is
     * not a letter or digit replaced by an underscore.
     *
     * @param key a jwtee key
     * @return the variable name, for example {@code JWTEE_ISSUER} for {@code jwtee.issuer}
     */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Chains sources so that the first one defining a key wins.
     *
     * @param sources the sources in order of precedence
     * @return a source that asks each of {@code sources} in turn
     */
    public static ConfigSource chain(List<ConfigSource> sources) {
        List<ConfigSource> copy = List.copyOf(sources);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                for (ConfigSource source : copy) {
                    Optional<String> value = source.get(key);
                    if (value.isPresent()) {
                        return value;
                    }
                }
                return Optional.empty();
            }

            @Override
            public String name() {
                List<String> names = new ArrayList<>();
                copy.forEach(source -> names.add(source.name()));
                return String.join(", ", names);
            }
        };
    }

    /**
     * Returns a source that reads {@code source} and falls back to {@code defaults} for keys it
     * does not define. Its name is that of {@code source}, because error messages tell where a
     * missing key can be set, and the defaults are not such a place.
     *
     * @param source the source to read first
     * @param defaults values for keys that {@code source} does not define
     * @return the source with defaults
     */
    public static ConfigSource withDefaults(ConfigSource source, Map<String, String> defaults) {
        ConfigSource fallback = of("defaults", defaults);
        return named(source.name(), key -> source.get(key).or(() -> fallback.get(key)));
    }

    /**
     * Returns {@code delegate} under another name, for a source that wraps another one.
     *
     * @param name the name used in error messages
     * @param delegate the source to read
     * @return the renamed source
     */
    public static ConfigSource renamed(String name, ConfigSource delegate) {
        return named(name, delegate);
    }

    private static ConfigSource named(String name, ConfigSource delegate) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return delegate.get(key);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
