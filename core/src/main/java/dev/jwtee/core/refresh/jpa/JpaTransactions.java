package dev.jwtee.core.refresh.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Runs work in resource-local transactions, one {@link EntityManager} each, and runs it again
 * when the database rolled it back to break a deadlock or a serialization conflict, up to
 * {@value #ATTEMPTS} times in all. Thread-safe.
 */
final class JpaTransactions {

    static final int ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(JpaTransactions.class.getName());

    private final EntityManagerFactory factory;

    JpaTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    <T> T run(Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.log(Level.DEBUG, "Refresh-token transaction rolled back by the database"
                        + " ({0}); attempt {1} of {2} follows", e.getClass().getSimpleName(),
                        attempt + 1, ATTEMPTS);
            }
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    /**
     * Tells whether {@code failure} is a deadlock, a lock timeout or a serialization failure,
     * after which the database has rolled the whole transaction back: SQL state class 40
     * (PostgreSQL 40001 and 40P01, MariaDB 40001 for error 1213, H2 40001) or the JPA lock
     * exceptions that providers translate them to.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
