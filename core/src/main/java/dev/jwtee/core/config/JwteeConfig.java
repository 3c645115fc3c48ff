package dev.jwtee.core.config;

import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.keys.RemoteJwks;
import dev.jwtee.core.keys.RemoteJwksSettings;
import dev.jwtee.core.keys.VerificationKeys;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

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
    private final VerificationKeys verificationKeys;
    private final RefreshSettings refresh;
    private final HttpSettings http;
    private final EncryptionSettings encryption;
    private final TokenCacheSettings tokenCache;

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
        this(token, Objects.requireNonNull(keys, "keys"), keys, refresh, http, encryption);
    }

    /**
     * Creates a configuration from already validated parts, with verification keys that may
     * come from elsewhere, such as a JWK set URL.
     *
     * @param token access-token settings, never {@code null}
     * @param keys the local signing and verification keys, or {@code null} for a verify-only
     *     service without local keys
     * @param verificationKeys the keys that verify tokens, never {@code null}
     * @param refresh refresh-token settings, never {@code null}
     * @param http HTTP settings, never {@code null}
     * @param encryption settings for encrypted tokens, never {@code null}
     * @throws ConfigurationException if {@code keys} is {@code null} while the token endpoint
     *     or refresh tokens are enabled, since both need a key that signs
     */
    public JwteeConfig(TokenSettings token, KeySet keys, VerificationKeys verificationKeys,
            RefreshSettings refresh, HttpSettings http, EncryptionSettings encryption) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.token = Objects.requireNonNull(token, "token");
        this.keys = keys;
        this.verificationKeys = Objects.requireNonNull(verificationKeys, "verificationKeys");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.http = Objects.requireNonNull(http, "http");
        this.tokenCache = TokenCacheSettings.DEFAULTS;
        if (keys == null) {
            requireVerifyOnly(refresh, http);
        }
    }

    private JwteeConfig(JwteeConfig base, TokenCacheSettings tokenCache) {
        this.token = base.token;
        this.keys = base.keys;
        this.verificationKeys = base.verificationKeys;
        this.refresh = base.refresh;
        this.http = base.http;
        this.encryption = base.encryption;
        this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache");
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
        TokenSettings token = TokenSettings.read(reader);
        Optional<RemoteJwksSettings> remote = RemoteJwksSettings.read(reader);
        KeySet keys = remote.isEmpty() ? KeySetLoader.load(reader)
                : KeySetLoader.loadLocal(reader).orElse(null);
        RefreshSettings refresh = RefreshSettings.read(reader);
        HttpSettings http = HttpSettings.read(reader);
        EncryptionSettings encryption = EncryptionSettings.read(reader);
        TokenCacheSettings tokenCache = TokenCacheSettings.read(reader);
        if (keys == null) {
            // Checked before the first fetch, which the constructor would come too late for.
            requireVerifyOnly(refresh, http);
        }
        VerificationKeys verificationKeys = remote
                .map(settings -> verificationKeys(keys, settings))
                .orElse(keys);
        return new JwteeConfig(token, keys, verificationKeys, refresh, http, encryption)
                .withTokenCache(tokenCache);
    }

    /**
     * Returns a copy of this configuration with other verified-token cache settings. The
     * constructors use {@link TokenCacheSettings#DEFAULTS}.
     *
     * @param tokenCache the cache settings, never {@code null}
     * @return a new configuration; this one is unchanged
     */
    public JwteeConfig withTokenCache(TokenCacheSettings tokenCache) {
        return new JwteeConfig(this, tokenCache);
    }

    /**
     * Returns the settings of the verified-token cache.
     *
     * @return never {@code null}
     */
    public TokenCacheSettings tokenCache() {
        return tokenCache;
    }

    /** Fetches the remote keys, which follow the local ones when there are any. */
    private static VerificationKeys verificationKeys(KeySet local, RemoteJwksSettings settings) {
        RemoteJwks remote = RemoteJwks.start(settings, Clock.systemUTC());
        return local == null ? remote : VerificationKeys.localFirst(local, remote);
    }

    private static void requireVerifyOnly(RefreshSettings refresh, HttpSettings http) {
        String advice = "; the only keys come from " + RemoteJwksSettings.URL + ", and those"
                + " verify but cannot sign. A verify-only service sets "
                + HttpSettings.ENDPOINTS_ENABLED + "=false and " + RefreshSettings.ENABLED
                + "=false; a service that issues tokens also needs a local signing key, for"
                + " example " + KeySetLoader.HMAC_SECRET + ", " + KeySetLoader.JWKS_FILE
                + " or " + KeySetLoader.PEM_FILE;
        if (http.endpointsEnabled()) {
            throw new ConfigurationException(HttpSettings.ENDPOINTS_ENABLED,
                    "is true, so the token endpoint would issue tokens" + advice);
        }
        if (refresh.enabled()) {
            throw new ConfigurationException(RefreshSettings.ENABLED,
                    "is true, so refresh tokens would be issued" + advice);
        }
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
     * Returns the local key set, which contains the signing key.
     *
     * @return never {@code null}
     * @throws IllegalStateException if no local key is configured, only a JWK set URL; see
     *     {@link #localKeys()}
     */
    public KeySet keys() {
        if (keys == null) {
            throw new IllegalStateException("no local key is configured; this deployment only"
                    + " verifies, with the keys of " + RemoteJwksSettings.URL);
        }
        return keys;
    }

    /**
     * Returns the local key set, which contains the signing key.
     *
     * @return the keys, or empty when only a JWK set URL gives keys
     */
    public Optional<KeySet> localKeys() {
        return Optional.ofNullable(keys);
    }

    /**
     * Returns the keys that verify tokens: the local keys, the keys of the JWK set URL, or
     * both, local keys first.
     *
     * @return never {@code null}; thread-safe
     */
    public VerificationKeys verificationKeys() {
        return verificationKeys;
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
                + ", keys=" + (keys == null ? "none" : keys)
                + (verificationKeys == keys ? "" : ", verification keys=" + verificationKeys)
                + ", encryption keys=" + encryption.keys().map(Object::toString).orElse("none")
                + (encryption.required() ? " (required)" : "")
                + encryption.encryptingKey().map(key -> ", issued tokens encrypted with "
                        + key.keyId() + " and " + encryption.contentEncryption()).orElse("")
                + ", token cache=" + (tokenCache.enabled() ? tokenCache.maxEntries()
                        + " entries, " + tokenCache.maxAge().getSeconds() + "s" : "off");
    }
}
