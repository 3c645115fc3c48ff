package dev.jwtee.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Access-token settings: who issues, who accepts, how long a token lives and how strictly it is
 * checked. Immutable.
 *
 * @param issuer the {@code iss} value written and required, compared exactly
 * @param audience the {@code aud} value written and required
 * @param accessTokenLifetime time from {@code iat} to {@code exp} of issued tokens
 * @param clockSkew tolerance applied to {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenBytes the largest raw token accepted, checked before any decoding
 * @param acceptedTypes lower-case {@code typ} header values accepted
 */
public record TokenSettings(
        String issuer,
        String audience,
        Duration accessTokenLifetime,
        Duration clockSkew,
        int maxTokenBytes,
        Set<String> acceptedTypes) {

    /** Largest clock skew that can be configured; larger values hide broken clocks. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    static final String ISSUER = "jwtee.issuer";
    static final String AUDIENCE = "jwtee.audience";
    static final String LIFETIME = "jwtee.access-token.lifetime";
    static final String CLOCK_SKEW = "jwtee.clock-skew";
    static final String MAX_SIZE = "jwtee.token.max-size";
    static final String TYPES = "jwtee.token.types";

    /** Validates and copies the components. */
    public TokenSettings {
        requireText(ISSUER, issuer);
        requireText(AUDIENCE, audience);
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new ConfigurationException(LIFETIME, "must be positive");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new ConfigurationException(CLOCK_SKEW,
                    "must be 0 to " + MAX_CLOCK_SKEW.getSeconds() + " seconds");
        }
        if (acceptedTypes.isEmpty()) {
            throw new ConfigurationException(TYPES, "must list at least one type");
        }
        acceptedTypes = Set.copyOf(acceptedTypes);
    }

    static TokenSettings read(ConfigReader reader) {
        String issuer = reader.requiredString(ISSUER);
        return new TokenSettings(
                issuer,
                reader.string(AUDIENCE).orElse(issuer),
                reader.seconds(LIFETIME, Duration.ofMinutes(15),
                        Duration.ofSeconds(10), Duration.ofDays(1)),
                reader.seconds(CLOCK_SKEW, Duration.ofSeconds(30), Duration.ZERO, MAX_CLOCK_SKEW),
                reader.integer(MAX_SIZE, 8192, 512, 65536),
                types(reader));
    }

    private static Set<String> types(ConfigReader reader) {
        List<String> configured = reader.list(TYPES);
        if (configured.isEmpty()) {
            return Set.of("at+jwt");
        }
        return Set.copyOf(configured.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList());
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(key, "must not be blank");
        }
    }
}
