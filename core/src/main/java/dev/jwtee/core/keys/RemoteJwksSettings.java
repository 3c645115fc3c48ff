package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings for fetching and caching a remote JWK set in {@link RemoteJwks}. Immutable.
 *
 * @param url the http or https URL of the JWK set
 * @param refetchInterval the least time between two fetches that unknown key ids cause, and
 *     the wait before the next try after a failed fetch
 * @param defaultMaxAge how long a fetched set is used when the response has no
 *     {@code Cache-Control: max-age}
 * @param minMaxAge the lower bound applied to a response's {@code max-age}
 * @param maxMaxAge the upper bound applied to a response's {@code max-age}
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the response, from sending the request
 * @param maxBytes the largest response body accepted
 * @param algorithms the accepted JWS algorithms; keys bound to others are skipped. Empty
 *     accepts every algorithm jwtee supports
 */
public record RemoteJwksSettings(
        URI url,
        Duration refetchInterval,
        Duration defaultMaxAge,
        Duration minMaxAge,
        Duration maxMaxAge,
        Duration connectTimeout,
        Duration readTimeout,
        int maxBytes,
        Set<String> algorithms) {

    /** URL of a JWK set whose keys verify tokens; the set is fetched at start-up. */
    public static final String URL = "jwtee.keys.jwks-url";
    /** Seconds between refetches that an unknown {@code kid} causes, at least. */
    public static final String REFETCH_INTERVAL = "jwtee.keys.jwks-url.refetch-interval";
    /** Seconds a fetched set is used when the response has no {@code max-age}. */
    public static final String DEFAULT_MAX_AGE = "jwtee.keys.jwks-url.default-max-age";
    /** Milliseconds to wait for the connection. */
    public static final String CONNECT_TIMEOUT = "jwtee.keys.jwks-url.connect-timeout";
    /** Milliseconds to wait for the response. */
    public static final String READ_TIMEOUT = "jwtee.keys.jwks-url.read-timeout";

    /**
     * The lower bound of a response's {@code max-age}, so that {@code no-cache} cannot force a
     * fetch per request.
     */
    public static final Duration MIN_MAX_AGE = Duration.ofSeconds(30);
    /** The upper bound of a response's {@code max-age}, so that removed keys go within a day. */
    public static final Duration MAX_MAX_AGE = Duration.ofDays(1);
    /** The largest JWK set document accepted: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * Validates and copies the components.
     *
     * @throws ConfigurationException naming {@value #URL} if the URL is not http or https, has
     *     no host, or contains user information
     * @throws IllegalArgumentException if a duration or the size limit is not positive
     */
    public RemoteJwksSettings {
        checkUrl(Objects.requireNonNull(url, "url"));
        requirePositive("refetchInterval", refetchInterval);
        requirePositive("defaultMaxAge", defaultMaxAge);
        requirePositive("minMaxAge", minMaxAge);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        if (maxMaxAge.compareTo(minMaxAge) < 0) {
            throw new IllegalArgumentException("maxMaxAge is below minMaxAge");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        algorithms = Set.copyOf(algorithms);
    }

    /**
     * Reads the {@value #URL} keys.
     *
     * @param reader the configuration
     * @return the settings, or empty when {@value #URL} is not set
     * @throws ConfigurationException naming the first invalid key
     */
    public static Optional<RemoteJwksSettings> read(ConfigReader reader) {
        Optional<String> url = reader.string(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteJwksSettings(
                parseUrl(url.get()),
                reader.seconds(REFETCH_INTERVAL, Duration.ofSeconds(60), Duration.ofSeconds(1),
                        Duration.ofHours(1)),
                reader.seconds(DEFAULT_MAX_AGE, Duration.ofMinutes(5), MIN_MAX_AGE, MAX_MAX_AGE),
                MIN_MAX_AGE,
                MAX_MAX_AGE,
                Duration.ofMillis(reader.integer(CONNECT_TIMEOUT, 2000, 100, 60_000)),
                Duration.ofMillis(reader.integer(READ_TIMEOUT, 5000, 100, 60_000)),
                MAX_BYTES,
                Set.copyOf(KeySetLoader.allowList(reader))));
    }

    private static URI parseUrl(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(URL, "not a valid URL: " + e.getMessage(), e);
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ConfigurationException(URL, "expected an http or https URL, got scheme '"
                    + scheme + "'");
        }
        if (url.getHost() == null) {
            throw new ConfigurationException(URL, "the URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new ConfigurationException(URL, "the URL must not contain user information;"
                    + " a published JWK set needs no credentials");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
