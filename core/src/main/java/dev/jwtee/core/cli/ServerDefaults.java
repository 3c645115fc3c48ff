package dev.jwtee.core.cli;

import dev.jwtee.core.config.TokenSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The server's default token settings, as the configuration table of the README gives them,
 * so that minted tokens and verification match a server that keeps its defaults.
 */
final class ServerDefaults {

    /** Default {@code jwtee.access-token.lifetime}. */
    static final Duration LIFETIME = Duration.ofSeconds(900);
    /** Smallest {@code jwtee.access-token.lifetime} the server accepts. */
    static final Duration MIN_LIFETIME = Duration.ofSeconds(10);
    /** Largest {@code jwtee.access-token.lifetime} the server accepts. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);
    /** Default {@code jwtee.clock-skew}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Default {@code jwtee.token.max-size}, in bytes. */
    static final int TOKEN_MAX_SIZE = 8192;
    /** Smallest {@code jwtee.token.max-size} the server accepts, in bytes. */
    static final int TOKEN_MAX_SIZE_LOWER_BOUND = 512;
    /** Largest {@code jwtee.token.max-size} the server accepts, in bytes. */
    static final int TOKEN_MAX_SIZE_UPPER_BOUND = 65_536;

    private ServerDefaults() {
    }

    /** Returns token settings with the default {@code jwtee.token.types} of {@code at+jwt}. */
    static TokenSettings settings(String issuer, String audience, Duration lifetime,
            Duration clockSkew, int maxTokenBytes) {
        return new TokenSettings(issuer, audience, lifetime, clockSkew, maxTokenBytes,
                Set.of("at+jwt"));
    }
}
