package dev.jwtee.core.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refresh-token settings. Immutable.
 *
 * @param enabled whether sign-in returns a refresh token and the refresh grant is accepted
 * @param store where refresh tokens are kept
 * @param idleLifetime how long one refresh token stays usable if it is not used
 * @param absoluteLifetime how long a family (a sign-in and all its rotations) lasts at most
 * @param persistenceProperties overrides for the {@code jwtee} persistence unit, such as a
 *     data source or JDBC URL; may hold a database password, so it is never printed
 */
public record RefreshSettings(
        boolean enabled,
        StoreKind store,
        Duration idleLifetime,
        Duration absoluteLifetime,
        Map<String, String> persistenceProperties) {

    static final String ENABLED = "jwtee.refresh.enabled";
    static final String STORE = "jwtee.refresh.store";
    static final String IDLE = "jwtee.refresh.idle-lifetime";
    static final String ABSOLUTE = "jwtee.refresh.absolute-lifetime";
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

    /** Validates the components. */
    public RefreshSettings {
        if (idleLifetime.compareTo(absoluteLifetime) > 0) {
            throw new ConfigurationException(IDLE, "must not exceed " + ABSOLUTE
                    + " (" + idleLifetime.getSeconds() + " > " + absoluteLifetime.getSeconds()
                    + " seconds)");
        }
        persistenceProperties = Map.copyOf(persistenceProperties);
    }

    static RefreshSettings read(ConfigReader reader) {
        return new RefreshSettings(
                reader.bool(ENABLED, true),
                store(reader),
                reader.seconds(IDLE, Duration.ofDays(14), Duration.ofMinutes(1),
                        Duration.ofDays(3650)),
                reader.seconds(ABSOLUTE, Duration.ofDays(30), Duration.ofMinutes(1),
                        Duration.ofDays(3650)),
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
                + idleLifetime + ", absoluteLifetime=" + absoluteLifetime + "]";
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
