package dev.jwtee.core.config;

import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import java.util.Objects;

/**
 * The whole jwtee configuration, parsed once at start-up into small typed parts. Immutable and
 * thread-safe.
 *
 * <p>Every key is documented in the configuration table of the README. Reading fails fast with a
 * {@link ConfigurationException} that names the first bad key.
 */
public final class JwteeConfig {

    private final TokenSettings token;
    private final KeySet keys;
    private final RefreshSettings refresh;
    private final HttpSettings http;
    private final EncryptionSettings encryption;

    /**
     * Creates a configuration from already validated parts, accepting signed tokens only.
     *
     * @param token access-token settings, never {@code null}
     * @param keys the signing and verification keys, never {@code null}
     * @param refresh refresh-token settings, never {@code null}
     * @param http HTTP settings, never {@code null}
     */
    public JwteeConfig(TokenSettings token, KeySet keys, RefreshSettings refresh,
            HttpSettings http) {
        this(token, keys, refresh, http, EncryptionSettings.NONE);
    }

    /**
     * Creates a configuration from already validated parts.
     *
     * @param token access-token settings, never {@code null}
     * @param keys the signing and verification keys, never {@code null}
     * @param refresh refresh-token settings, never {@code null}
     * @param http HTTP settings, never {@code null}
     * @param encryption settings for encrypted tokens, never {@code null}
     */
    public JwteeConfig(TokenSettings token, KeySet keys, RefreshSettings refresh,
            HttpSettings http, EncryptionSettings encryption) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.token = Objects.requireNonNull(token, "token");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Reads and validates every jwtee key from {@code source}, loading key files as needed.
     *
     * @param source the configuration source, usually a chain
     * @return the parsed configuration
     * @throws ConfigurationException naming the first missing or invalid key
     */
    public static JwteeConfig read(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        return new JwteeConfig(
                TokenSettings.read(reader),
                KeySetLoader.load(reader),
                RefreshSettings.read(reader),
                HttpSettings.read(reader),
                EncryptionSettings.read(reader));
    }

    /**
     * Returns the settings for encrypted tokens.
     *
     * @return never {@code null}
     */
    public EncryptionSettings encryption() {
        return encryption;
    }

    /**
     * Returns the access-token settings.
     *
     * @return never {@code null}
     */
    public TokenSettings token() {
        return token;
    }

    /**
     * Returns the key set.
     *
     * @return never {@code null}
     */
    public KeySet keys() {
        return keys;
    }

    /**
     * Returns the refresh-token settings.
     *
     * @return never {@code null}
     */
    public RefreshSettings refresh() {
        return refresh;
    }

    /**
     * Returns the HTTP settings.
     *
     * @return never {@code null}
     */
    public HttpSettings http() {
        return http;
    }

    /** Returns a summary fit for a start-up log line; it contains no secret. */
    @Override
    public String toString() {
        return "issuer=" + token.issuer() + ", audience=" + token.audience()
                + ", access-token lifetime=" + token.accessTokenLifetime().getSeconds() + "s"
                + ", keys=" + keys
                + ", encryption keys=" + encryption.keys().map(Object::toString).orElse("none")
                + (encryption.required() ? " (required)" : "");
    }
}
