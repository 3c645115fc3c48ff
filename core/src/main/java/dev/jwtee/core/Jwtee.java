package dev.jwtee.core;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.endpoint.TokenEndpoint;
import dev.jwtee.core.http.JwksDocument;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.refresh.InMemoryRefreshTokenStore;
import dev.jwtee.core.refresh.PurgeSchedule;
import dev.jwtee.core.refresh.RefreshTokenService;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RoleRefresher;
import dev.jwtee.core.roles.RoleMapper;
import dev.jwtee.core.token.TokenCacheStats;
import dev.jwtee.core.token.TokenIssuer;
import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenVerifier;
import dev.jwtee.core.token.VerifiedTokenCache;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One jwtee deployment: the verifier, the issuer, the refresh-token service and the token
 * endpoint, built once from a {@link JwteeConfig} and shared by every request. The servlet
 * filter and the JAX-RS provider are thin adapters around it.
 *
 * <p>Thread-safe. Close it at shutdown to release a persistence unit it created itself.
 */
public final class Jwtee implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Jwtee.class.getName());

    private final JwteeConfig config;
    private final TokenVerifier verifier;
    private final VerifiedTokenCache tokenCache;
    private final RoleMapper roleMapper;
    private final RefreshTokenService refreshTokens;
    private final TokenEndpoint tokenEndpoint;
    private final AutoCloseable ownedResource;
    private final PurgeSchedule purgeSchedule;

    private Jwtee(Builder builder) {
        this.config = builder.config;
        this.verifier = new TokenVerifier(config.token(), config.verificationKeys(),
                config.encryption(), builder.clock);
        this.tokenCache = new VerifiedTokenCache(verifier, config.tokenCache(),
                config.token().clockSkew(), builder.clock);
        this.roleMapper = builder.roleMapper;
        // The issuer checks for a signing key; it comes before the store, which it must not leak.
        TokenIssuer issuer = config.http().endpointsEnabled()
                ? new TokenIssuer(config.token(), config.keys(), config.encryption(),
                        builder.clock)
                : null;
        RefreshSettings refresh = config.refresh();
        // Loaded before the store for the same reason: a bad class name must not leak it.
        RoleRefresher roleRefresher = refresh.enabled() ? roleRefresher(builder) : null;
        StoreHolder store = refresh.enabled() ? openStore(builder)
                : new StoreHolder(null, null, "off");
        this.ownedResource = store.owned();
        this.refreshTokens = store.store() == null ? null
                : new RefreshTokenService(store.store(), refresh, builder.clock, roleRefresher);
        this.purgeSchedule = refreshTokens == null || refresh.purgeInterval().isZero() ? null
                : PurgeSchedule.start(refreshTokens, refresh.purgeInterval());
        this.tokenEndpoint = issuer == null ? null : new TokenEndpoint(issuer, refreshTokens);
        LOG.log(Level.INFO, "jwtee started: {0}, refresh-token store: {1}", config,
                store.description());
    }

    /**
     * Starts building a deployment from {@code config}.
     *
     * @param config the parsed configuration
     * @return a builder with the system clock, the {@code groups} role mapper and the store
     *     that {@code jwtee.refresh.store} selects
     */
    public static Builder builder(JwteeConfig config) {
        return new Builder(config);
    }

    /**
     * Verifies {@code token}, or finds it in the verified-token cache, and maps its roles. A
     * cached token is rejected as expired exactly when the verifier would reject it.
     *
     * @param token the raw access token; {@code null} is rejected
     * @return the caller
     * @throws TokenRejectedException if the token is rejected
     */
    public JwteePrincipal authenticate(String token) throws TokenRejectedException {
        var verified = tokenCache.verify(token);
        return new JwteePrincipal(verified, roleMapper.roles(verified));
    }

    /**
     * Returns the hit and miss counts of the verified-token cache that {@link #authenticate}
     * uses ({@code jwtee.token.cache-size}, {@code jwtee.token.cache-max-age}).
     *
     * @return a snapshot, never {@code null}; all zero when the cache is off
     */
    public TokenCacheStats tokenCacheStats() {
        return tokenCache.stats();
    }

    /**
     * Returns the configuration.
     *
     * @return never {@code null}
     */
    public JwteeConfig config() {
        return config;
    }

    /**
     * Returns the verifier.
     *
     * @return never {@code null}
     */
    public TokenVerifier verifier() {
        return verifier;
    }

    /**
     * Returns the refresh-token service, for application code that revokes tokens.
     *
     * @return the service, or empty when refresh tokens are disabled
     */
    public Optional<RefreshTokenService> refreshTokens() {
        return Optional.ofNullable(refreshTokens);
    }

    /**
     * Returns the JWK set document of this deployment's public signature keys.
     *
     * @return the document, or empty when {@code jwtee.endpoint.enabled} is false
     */
    public Optional<JwksDocument> jwksDocument() {
        return tokenEndpoint == null ? Optional.empty()
                : Optional.of(JwksDocument.of(config.keys(), config.http().jwksMaxAge()));
    }

    /**
     * Returns the token and revocation endpoint logic.
     *
     * @return the endpoint, or empty when {@code jwtee.endpoint.enabled} is false
     */
    public Optional<TokenEndpoint> tokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    /**
     * Stops the purge schedule and closes the persistence unit this deployment opened itself,
     * if any.
     */
    @Override
    public void close() {
        if (purgeSchedule != null) {
            purgeSchedule.close();
        }
        if (ownedResource == null) {
            return;
        }
        try {
            ownedResource.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Closing the jwtee persistence unit failed", e);
        }
    }

    private static RoleRefresher roleRefresher(Builder builder) {
        if (builder.roleRefresher != null) {
            return builder.roleRefresher;
        }
        return builder.config.refresh().roleRefresher()
                .map(name -> RoleRefresher.fromClassName(name,
                        Thread.currentThread().getContextClassLoader()))
                .orElse(RoleRefresher.keepStoredRoles());
    }

    private static StoreHolder openStore(Builder builder) {
        if (builder.store != null) {
            return new StoreHolder(builder.store, null, builder.store.getClass().getSimpleName());
        }
        if (builder.config.refresh().store() == RefreshSettings.StoreKind.MEMORY) {
            return new StoreHolder(new InMemoryRefreshTokenStore(), null, "in memory");
        }
        try {
            return JpaStoreOpener.open(builder.config.refresh(), builder.entityManagerFactory);
        } catch (NoClassDefFoundError e) {
            throw new ConfigurationException("jwtee.refresh.store", "is jpa, but the Jakarta"
                    + " Persistence API is not on the class path (" + e.getMessage() + "); add"
                    + " it with a provider such as Hibernate, or set jwtee.refresh.store=memory",
                    e);
        }
    }

    /**
     * A store, the resource to close with it when this deployment created one, and a
     * description for the start-up log.
     */
    record StoreHolder(RefreshTokenStore store, AutoCloseable owned, String description) {
    }

    /**
     * Builds a {@link Jwtee}. Not thread-safe; use it on one thread and discard it.
     */
    public static final class Builder {

        private final JwteeConfig config;
        private Clock clock = Clock.systemUTC();
        private RoleMapper roleMapper = RoleMapper.groupsClaim();
        private RefreshTokenStore store;
        private RoleRefresher roleRefresher;
        private Object entityManagerFactory;

        private Builder(JwteeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Sets the clock for issuing and expiry checks; tests pass a fixed clock.
         *
         * @param clock the clock, never {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how claims become roles.
         *
         * @param roleMapper the mapper, never {@code null}
         * @return this builder
         */
        public Builder roleMapper(RoleMapper roleMapper) {
            this.roleMapper = Objects.requireNonNull(roleMapper, "roleMapper");
            return this;
        }

        /**
         * Sets the refresh-token store, overriding {@code jwtee.refresh.store}.
         *
         * @param store the store, never {@code null}
         * @return this builder
         */
        public Builder refreshTokenStore(RefreshTokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets how the roles are re-read on each refresh, overriding
         * {@code jwtee.refresh.role-refresher}.
         *
         * @param roleRefresher the refresher, never {@code null}
         * @return this builder
         */
        public Builder roleRefresher(RoleRefresher roleRefresher) {
            this.roleRefresher = Objects.requireNonNull(roleRefresher, "roleRefresher");
            return this;
        }

        /**
         * Sets a container-managed {@code jakarta.persistence.EntityManagerFactory} for the
         * {@code jwtee} unit, used when {@code jwtee.refresh.store} is {@code jpa}. Without it,
         * the JPA store bootstraps the unit itself and closes it in {@link Jwtee#close()}.
         * Typed as {@code Object} so that this class loads without the Persistence API.
         *
         * @param factory an {@code EntityManagerFactory}, or {@code null} for none
         * @return this builder
         */
        public Builder entityManagerFactory(Object factory) {
            this.entityManagerFactory = factory;
            return this;
        }

        /**
         * Builds the deployment.
         *
         * @return the deployment
         * @throws ConfigurationException if a part cannot be set up, naming the key at fault
         */
        public Jwtee build() {
            return new Jwtee(this);
        }
    }
}
