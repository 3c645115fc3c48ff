package dev.jwtee.core.refresh.jpa;

import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RotationOutcome;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link RefreshTokenStore} on a resource-local JPA persistence unit, normally the
 * {@code jwtee} unit shipped in this jar. Each method runs in its own transaction. Rotation
 * reads the presented row with a pessimistic write lock ({@code SELECT ... FOR UPDATE}), so of
 * two concurrent rotations of one token, on one server or several, exactly one sees it active.
 *
 * <p>Thread-safe: it holds only the {@link EntityManagerFactory} and creates one
 * {@link EntityManager} per call.
 */
public final class JpaRefreshTokenStore implements RefreshTokenStore {

    /** Name of the persistence unit shipped in {@code META-INF/persistence.xml}. */
    public static final String PERSISTENCE_UNIT = "jwtee";

    private final EntityManagerFactory factory;

    /**
     * Creates a store.
     *
     * @param factory a factory for a resource-local unit that maps {@link RefreshTokenEntity}
     */
    public JpaRefreshTokenStore(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void insert(RefreshTokenRecord record) {
        inTransaction(em -> {
            em.persist(RefreshTokenEntity.from(record));
            return null;
        });
    }

    @Override
    public RotationOutcome rotate(String tokenHash, Instant now,
            UnaryOperator<RefreshTokenRecord> successor) {
        return inTransaction(em -> {
            RefreshTokenEntity entity = em.find(RefreshTokenEntity.class, tokenHash,
                    LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return new RotationOutcome(Status.UNKNOWN, null, null);
            }
            RefreshTokenRecord presented = entity.toRecord();
            if (presented.state() == State.REVOKED) {
                return new RotationOutcome(Status.REVOKED, presented, null);
            }
            if (presented.state() == State.ROTATED) {
                revoke(em, RefreshTokenEntity.REVOKE_FAMILY, "familyId", presented.familyId(),
                        now);
                return new RotationOutcome(Status.REUSED, presented, null);
            }
            if (presented.isExpiredAt(now)) {
                return new RotationOutcome(Status.EXPIRED, presented, null);
            }
            RefreshTokenRecord next = successor.apply(presented);
            entity.changeState(State.ROTATED, now);
            em.persist(RefreshTokenEntity.from(next));
            return new RotationOutcome(Status.ROTATED, presented, next);
        });
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        return inTransaction(em -> Optional.ofNullable(em.find(RefreshTokenEntity.class,
                tokenHash)).map(RefreshTokenEntity::toRecord));
    }

    @Override
    public int revokeFamily(String familyId, Instant now) {
        return inTransaction(
                em -> revoke(em, RefreshTokenEntity.REVOKE_FAMILY, "familyId", familyId, now));
    }

    @Override
    public int revokeSubject(String subject, Instant now) {
        return inTransaction(
                em -> revoke(em, RefreshTokenEntity.REVOKE_SUBJECT, "subject", subject, now));
    }

    @Override
    public int purgeExpired(Instant cutoff) {
        return inTransaction(em -> em.createNamedQuery(RefreshTokenEntity.PURGE)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate());
    }

    private static int revoke(EntityManager em, String query, String parameter, String value,
            Instant now) {
        return em.createNamedQuery(query)
                .setParameter(parameter, value)
                .setParameter("revoked", State.REVOKED)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate();
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
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
}
