package dev.jwtee.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads typed values from a {@link ConfigSource} and rejects bad ones with a
 * {@link ConfigurationException} naming the key.
 *
 * <p>Values are trimmed; a value that is empty after trimming counts as absent, so an empty
 * init-param does not override a default. Thread-safe if the source is.
 */
public final class ConfigReader {

    private final ConfigSource source;

    /**
     * Creates a reader over {@code source}.
     *
     * @param source the source to read, never {@code null}
     */
    public ConfigReader(ConfigSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Returns the trimmed value of {@code key}, or empty when it is absent or blank.
     *
     * @param key the key to read
     * @return the value, never {@code null}
     */
    public Optional<String> string(String key) {
        return source.get(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /**
     * Returns the trimmed value of {@code key}.
     *
     * @param key the key to read
     * @return the value
     * @throws ConfigurationException if the key is absent or blank
     */
    public String requiredString(String key) {
        return string(key).orElseThrow(
                () -> new ConfigurationException(key, "missing; set it in one of these"
                        + " configuration sources: " + source.name() + " (as an environment"
                        + " variable: " + ConfigSources.environmentName(key) + ")"));
    }

    /**
     * Returns a whole number of seconds as a {@link Duration}.
     *
     * @param key the key to read
     * @param defaultValue the value when the key is absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the duration
     * @throws ConfigurationException if the value is not a whole number or out of range
     */
    public Duration seconds(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        long seconds = parseLong(key, value.get(), "a whole number of seconds");
        if (seconds < min.getSeconds() || seconds > max.getSeconds()) {
            throw new ConfigurationException(key, "invalid value " + seconds + "; expected "
                    + min.getSeconds() + " to " + max.getSeconds() + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * Returns an integer within {@code [min, max]}.
     *
     * @param key the key to read
     * @param defaultValue the value when the key is absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the integer
     * @throws ConfigurationException if the value is not an integer or out of range
     */
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        long number = parseLong(key, value.get(), "an integer");
        if (number < min || number > max) {
            throw new ConfigurationException(key, "invalid value " + number + "; expected "
                    + min + " to " + max);
        }
        return (int) number;
    }

    /**
     * Returns a boolean written as {@code true} or {@code false}, in any case.
     *
     * @param key the key to read
     * @param defaultValue the value when the key is absent
     * @return the boolean
     * @throws ConfigurationException if the value is neither {@code true} nor {@code false}
     */
    public boolean bool(String key, boolean defaultValue) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new ConfigurationException(key,
                "invalid value '" + value.get() + "'; expected true or false");
    }

    /**
     * Returns a comma-separated list with blank entries dropped.
     *
     * @param key the key to read
     * @return the entries in order, empty when the key is absent; unmodifiable
     */
    public List<String> list(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : value.get().split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        return List.copyOf(entries);
    }

    /**
     * Returns the path of a readable regular file.
     *
     * @param key the key to read
     * @return the path, or empty when the key is absent
     * @throws ConfigurationException if the file does not exist or cannot be read
     */
    public Optional<Path> readableFile(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(value.get());
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(key, "file not found: " + path.toAbsolutePath());
        }
        if (!Files.isReadable(path)) {
            throw new ConfigurationException(key, "file not readable: " + path.toAbsolutePath());
        }
        return Optional.of(path);
    }

    private static long parseLong(String key, String text, String expected) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key,
                    "invalid value '" + text + "'; expected " + expected, e);
        }
    }
}
