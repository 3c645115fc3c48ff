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
 * @param nameClaims claims that name the caller, in order of preference; the first one a token
 *     has becomes the principal name, and {@code sub} when it has none of them
 */
public record TokenSettings(
        String issuer,
        String audience,
        Duration accessTokenLifetime,
        Duration clockSkew,
        int maxTokenBytes,
        Set<String> acceptedTypes,
        List<String> nameClaims) {

    /**
     * The default {@link #nameClaims}: the order in which MicroProfile JWT names the caller, so
     * that a token maps to the same name under jwtee and under a server's own MP-JWT.
     */
    public static final List<String> DEFAULT_NAME_CLAIMS =
            List.of("upn", "preferred_username", "sub");

    /** Largest clock skew that can be configured; larger values hide broken clocks. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    static final String ISSUER = "jwtee.issuer";
    static final String AUDIENCE = "jwtee.audience";
    static final String LIFETIME = "jwtee.access-token.lifetime";
    static final String CLOCK_SKEW = "jwtee.clock-skew";
    static final String MAX_SIZE = "jwtee.token.max-size";
    static final String TYPES = "jwtee.token.types";
    static final String NAME_CLAIMS = "jwtee.token.name-claims";
    private static final int MAX_NAME_CLAIMS = 8;

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
        nameClaims = List.copyOf(nameClaims);
        if (nameClaims.isEmpty() || nameClaims.size() > MAX_NAME_CLAIMS) {
            throw new ConfigurationException(NAME_CLAIMS,
                    "must list 1 to " + MAX_NAME_CLAIMS + " claim names");
        }
        if (Set.copyOf(nameClaims).size() != nameClaims.size()) {
            throw new ConfigurationException(NAME_CLAIMS, "lists a claim twice");
        }
        for (String claim : nameClaims) {
            if (claim.isEmpty() || !claim.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                throw new ConfigurationException(NAME_CLAIMS,
                        "claim names must be printable ASCII without spaces");
            }
        }
    }

    /**
     * Creates settings that name the caller by {@link #DEFAULT_NAME_CLAIMS}.
     *
     * @param issuer the {@code iss} value written and required
     * @param audience the {@code aud} value written and required
     * @param accessTokenLifetime time from {@code iat} to {@code exp} of issued tokens
     * @param clockSkew tolerance applied to {@code exp}, {@code nbf} and {@code iat}
     * @param maxTokenBytes the largest raw token accepted
     * @param acceptedTypes lower-case {@code typ} header values accepted
     */
    public TokenSettings(String issuer, String audience, Duration accessTokenLifetime,
            Duration clockSkew, int maxTokenBytes, Set<String> acceptedTypes) {
        this(issuer, audience, accessTokenLifetime, clockSkew, maxTokenBytes, acceptedTypes,
                DEFAULT_NAME_CLAIMS);
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
                types(reader),
                nameClaims(reader));
    }

    private static List<String> nameClaims(ConfigReader reader) {
        List<String> configured = reader.list(NAME_CLAIMS);
        return configured.isEmpty() ? DEFAULT_NAME_CLAIMS : configured;
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
