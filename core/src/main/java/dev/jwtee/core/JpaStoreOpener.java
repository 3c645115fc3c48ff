package dev.jwtee.core;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.refresh.jpa.JpaRefreshTokenStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;

/**
 * Opens the JPA store. Kept apart from {@link Jwtee} so that deployments with the in-memory
 * store never load a Persistence API class.
 */
final class JpaStoreOpener {

    private JpaStoreOpener() {
    }

    /**
     * Uses the container-managed unit when there is one and no {@code jwtee.jpa.*} key
     * overrides it; the container's unit always uses the data source of persistence.xml.
     */
    static Jwtee.StoreHolder open(RefreshSettings settings, Object factory) {
        if (factory instanceof EntityManagerFactory given
                && settings.persistenceProperties().isEmpty()) {
            return new Jwtee.StoreHolder(new JpaRefreshTokenStore(given), null,
                    "JPA, container-managed persistence unit");
        }
        try {
            EntityManagerFactory created = Persistence.createEntityManagerFactory(
                    JpaRefreshTokenStore.PERSISTENCE_UNIT, settings.persistenceProperties());
            return new Jwtee.StoreHolder(new JpaRefreshTokenStore(created), created::close,
                    "JPA, persistence unit bootstrapped by jwtee");
        } catch (PersistenceException | NoClassDefFoundError e) {
            throw new ConfigurationException("jwtee.refresh.store", "cannot open the JPA"
                    + " persistence unit '" + JpaRefreshTokenStore.PERSISTENCE_UNIT + "' ("
                    + e + "); configure jwtee.jpa.data-source or jwtee.jpa.url, or set"
                    + " jwtee.refresh.store=memory", e);
        }
    }
}
