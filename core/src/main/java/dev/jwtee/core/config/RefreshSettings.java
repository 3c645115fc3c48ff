package dev.jwtee.core.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Refresh-token settings. Immutable.
 *
 * @param enabled whether sign-in returns a refresh token and the refresh grant is accepted
 * @param store where refresh tokens are kept
 * @param idleLifetime how long one refresh token stays usable if it is not used
 * @param absoluteLifetime how long a family (a sign-in and all its rotations) lasts at most
 * @param gracePeriod how long after its rotation a token may be presented once more, by a
 *     client that lost the response. Zero turns the grace period off.
 * @param purgeInterval how often expired and long-revoked records are deleted in the
 *     background; zero turns the schedule off
 * @param revokedRetention how long revoked records are kept before a purge deletes them
 * @param roleRefresher class name of a {@code RoleRefresher}, or empty for the default, which
 *     keeps the sign-in roles
 * @param persistenceProperties overrides for the {@code jwtee} persistence unit, such as a
 *     data source or JDBC URL; may hold a database password, so it is never printed
 */
public record RefreshSettings(
        boolean enabled,
        StoreKind store,
        Duration idleLifetime,
        Duration absoluteLifetime,
        Duration gracePeriod,
        Duration purgeInterval,
        Duration revokedRetention,
        Optional<String> roleRefresher,
        Map<String, String> persistenceProperties) {

    /** The largest grace period: long enough for a retry, too short to be worth stealing. */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofSeconds(60);

    static final String ENABLED = "jwtee.refresh.enabled";
    static final String STORE = "jwtee.refresh.store";
    static final String IDLE = "jwtee.refresh.idle-lifetime";
    static final String ABSOLUTE = "jwtee.refresh.absolute-lifetime";
    static final String GRACE = "jwtee.refresh.grace-period";
    static final String PURGE_INTERVAL = "jwtee.refresh.purge-interval";
    static final String REVOKED_RETENTION = "jwtee.refresh.revoked-retention";
    static final String ROLE_REFRESHER = "jwtee.refresh.role-refresher";
    static final String DATA_SOURCE = "jwtee.jpa.data-source";
    static final String JDBC_URL = "jwtee.jpa.url";
    static final String JDBC_USER = "jwtee.jpa.user";
    static final String JDBC_PASSWORD = "jwtee.jpa.password";

    /** The refresh-token store implementations that configuration can select. */
    public enum StoreKind {
        /** The JPA store on persistence unit {@code jwtee}; survives restarts. */
        JPA,
        /** A map in this JVM; loses every token on restart. For tests and single-node demos. */
        MEMORY
    }

    /**
     * Validates the components.
     *
     * @throws ConfigurationException if the idle lifetime exceeds the absolute one, or the grace
     *     period is negative or longer than {@link #MAX_GRACE_PERIOD}
     */
    public RefreshSettings {
        if (idleLifetime.compareTo(absoluteLifetime) > 0) {
            throw new ConfigurationException(IDLE, "must not exceed " + ABSOLUTE
                    + " (" + idleLifetime.getSeconds() + " > " + absoluteLifetime.getSeconds()
                    + " seconds)");
        }
        if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw new ConfigurationException(GRACE, "invalid value " + gracePeriod.getSeconds()
                    + "; expected 0 to " + MAX_GRACE_PERIOD.getSeconds() + " seconds");
        }
        if (purgeInterval.isNegative() || revokedRetention.isNegative()) {
            throw new ConfigurationException(purgeInterval.isNegative() ? PURGE_INTERVAL
                    : REVOKED_RETENTION, "must not be negative");
        }
        Objects.requireNonNull(roleRefresher, "roleRefresher");
        persistenceProperties = Map.copyOf(persistenceProperties);
    }

    /**
     * Creates settings with the defaults for the grace period (off), the purge interval (one
     * hour), the revoked-record retention (one day) and the role refresher (none).
     *
     * @param enabled whether refresh tokens are issued
     * @param store where refresh tokens are kept
     * @param idleLifetime how long an unused refresh token stays usable
     * @param absoluteLifetime how long a family lasts at most
     * @param persistenceProperties overrides for the persistence unit
     */
    public RefreshSettings(boolean enabled, StoreKind store, Duration idleLifetime,
            Duration absoluteLifetime, Map<String, String> persistenceProperties) {
        this(enabled, store, idleLifetime, absoluteLifetime, Duration.ZERO, Duration.ofHours(1),
                Duration.ofDays(1), Optional.empty(), persistenceProperties);
    }

    /**
     * Returns a copy with another grace period.
     *
     * @param period the grace period, 0 to {@link #MAX_GRACE_PERIOD}
     * @return the changed copy
     */
    public RefreshSettings withGracePeriod(Duration period) {
        return new RefreshSettings(enabled, store, idleLifetime, absoluteLifetime, period,
                purgeInterval, revokedRetention, roleRefresher, persistenceProperties);
    }

    static RefreshSettings read(ConfigReader reader) {
        return new RefreshSettings(
                reader.bool(ENABLED, true),
                store(reader),
                reader.seconds(IDLE, Duration.ofDays(14), Duration.ofMinutes(1),
                        Duration.ofDays(3650)),
                reader.seconds(ABSOLUTE, Duration.ofDays(30), Duration.ofMinutes(1),
                        Duration.ofDays(3650)),
                reader.seconds(GRACE, Duration.ZERO, Duration.ZERO, MAX_GRACE_PERIOD),
                reader.seconds(PURGE_INTERVAL, Duration.ofHours(1), Duration.ZERO,
                        Duration.ofDays(7)),
                reader.seconds(REVOKED_RETENTION, Duration.ofDays(1), Duration.ZERO,
                        Duration.ofDays(3650)),
                reader.string(ROLE_REFRESHER),
                persistenceProperties(reader));
    }

    /** Maps the jwtee JPA keys to standard persistence-unit properties. */
    private static Map<String, String> persistenceProperties(ConfigReader reader) {
        Map<String, String> properties = new HashMap<>();
        reader.string(DATA_SOURCE).ifPresent(
                name -> properties.put("jakarta.persistence.nonJtaDataSource", name));
        reader.string(JDBC_URL).ifPresent(url -> {
            if (properties.containsKey("jakarta.persistence.nonJtaDataSource")) {
                throw new ConfigurationException(JDBC_URL, "set either " + JDBC_URL + " or "
                        + DATA_SOURCE + ", not both");
            }
            properties.put("jakarta.persistence.jdbc.url", url);
        });
        reader.string(JDBC_USER).ifPresent(
                user -> properties.put("jakarta.persistence.jdbc.user", user));
        reader.string(JDBC_PASSWORD).ifPresent(
                password -> properties.put("jakarta.persistence.jdbc.password", password));
        return properties;
    }

    /** Returns the settings without the persistence properties, which may hold a password. */
    @Override
    public String toString() {
        return "RefreshSettings[enabled=" + enabled + ", store=" + store + ", idleLifetime="
                + idleLifetime + ", absoluteLifetime=" + absoluteLifetime + ", gracePeriod="
                + gracePeriod + ", purgeInterval=" + purgeInterval + ", revokedRetention="
                + revokedRetention + ", roleRefresher=" + roleRefresher.orElse("none") + "]";
    }

    private static StoreKind store(ConfigReader reader) {
        String value = reader.string(STORE).orElse("jpa");
        try {
            return StoreKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(STORE,
                    "invalid value '" + value + "'; expected jpa or memory", e);
        }
    }
}
