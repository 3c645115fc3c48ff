package dev.jwtee.core.refresh.jpa;

import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RotationOutcome;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import dev.jwtee.core.refresh.RotationRules;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link RefreshTokenStore} on a resource-local JPA persistence unit, normally the
 * {@code jwtee} unit shipped in this jar, with tables {@code jwtee_refresh_family} and
 * {@code jwtee_refresh_token}. Each method runs in its own transaction. When the database rolls
 * one back to break a deadlock, it runs again, up to three times in all.
 *
 * <p>Locking, correct across server instances that share the database: a rotation locks the
 * family row, then the presented token row ({@code SELECT ... FOR UPDATE}), so of concurrent
 * rotations of one token exactly one sees it active. A revocation locks the family rows before
 * it updates their tokens, so it waits for a running rotation and then revokes the successor
 * that rotation inserted. Every read after the first in a rotation is a locking read: on MariaDB
 * and MySQL, whose default isolation is REPEATABLE READ, only locking reads see rows committed
 * after the transaction's first read.
 *
 * <p>Thread-safe: it holds only the {@link EntityManagerFactory} and creates one
 * {@link EntityManager} per transaction.
 */
public final class JpaRefreshTokenStore implements RefreshTokenStore {

    /** Name of the persistence unit shipped in {@code META-INF/persistence.xml}. */
    public static final String PERSISTENCE_UNIT = "jwtee";

    private final JpaTransactions transactions;

    /**
     * Creates a store.
     *
     * @param factory a factory for a resource-local unit that maps {@link RefreshTokenEntity}
     *     and {@link RefreshFamilyEntity}, never {@code null}
     */
    public JpaRefreshTokenStore(EntityManagerFactory factory) {
        this.transactions = new JpaTransactions(Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public void insert(RefreshTokenRecord record) {
        transactions.run(em -> {
            em.persist(RefreshFamilyEntity.from(record));
            em.persist(RefreshTokenEntity.from(record));
            return null;
        });
    }

    @Override
    public RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
            UnaryOperator<RefreshTokenRecord> successor) {
        return transactions.run(em -> {
            RefreshTokenEntity row = lockPresented(em, tokenHash);
            if (row == null) {
                return new RotationOutcome(Status.UNKNOWN, null, null);
            }
            RefreshTokenRecord presented = row.toRecord();
            RefreshTokenEntity current = RotationRules.needsSuccessor(presented, now, gracePeriod)
                    ? lockRow(em, row.successorHash()) : null;
            Status status = RotationRules.decide(presented,
                    current == null ? null : current.toRecord(), now, gracePeriod);
            switch (status) {
                case ROTATED:
                case RETRIED:
                    RefreshTokenRecord next = successor.apply(presented);
                    if (status == Status.ROTATED) {
                        row.rotateTo(next.tokenHash(), now);
                    } else {
                        current.replace(now);
                        row.replaceSuccessor(next.tokenHash());
                    }
                    em.persist(RefreshTokenEntity.from(next));
                    return new RotationOutcome(status, presented, next);
                case REUSED:
                    revokeLockedFamily(em, presented.familyId(), now);
                    return new RotationOutcome(status, presented, null);
                default:
                    return new RotationOutcome(status, presented, null);
            }
        });
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        return transactions.run(em -> Optional.ofNullable(em.find(RefreshTokenEntity.class,
                tokenHash)).map(RefreshTokenEntity::toRecord));
    }

    @Override
    public int revokeFamily(String familyId, Instant now) {
        return transactions.run(em -> {
            RefreshFamilyEntity family = em.find(RefreshFamilyEntity.class, familyId,
                    LockModeType.PESSIMISTIC_WRITE);
            if (family == null) {
                return 0;
            }
            return revokeLockedFamily(em, familyId, now);
        });
    }

    @Override
    public int revokeSubject(String subject, Instant now) {
        return transactions.run(em -> {
            List<RefreshFamilyEntity> families = em
                    .createNamedQuery(RefreshFamilyEntity.OF_SUBJECT, RefreshFamilyEntity.class)
                    .setParameter("subject", subject)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            families.forEach(family -> family.revoke(now));
            return revoke(em, RefreshTokenEntity.REVOKE_SUBJECT, "subject", subject, now);
        });
    }

    /**
     * Deletes token rows and family rows in two transactions. Neither holds locks in both
     * tables, as a rotation does, so the two cannot wait for each other in a cycle.
     */
    @Override
    public int purge(Instant now, Instant revokedBefore, int limit) {
        int tokens = transactions.run(em -> {
            List<String> hashes = em.createNamedQuery(RefreshTokenEntity.PURGEABLE, String.class)
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("revoked", State.REVOKED.name())
                    .setParameter("revokedBefore", revokedBefore.toEpochMilli())
                    .setMaxResults(limit)
                    .getResultList();
            return hashes.isEmpty() ? 0 : em.createNamedQuery(RefreshTokenEntity.DELETE)
                    .setParameter("hashes", hashes)
                    .executeUpdate();
        });
        transactions.run(em -> {
            List<String> ids = em.createNamedQuery(RefreshFamilyEntity.PURGEABLE, String.class)
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("revokedBefore", revokedBefore.toEpochMilli())
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty() ? 0 : em.createNamedQuery(RefreshFamilyEntity.DELETE)
                    .setParameter("ids", ids)
                    .executeUpdate();
        });
        return tokens;
    }

    /**
     * Locks the family of the presented token, then the token row, and returns the row, or null
     * when either is missing. The first read is a plain one because the family id is not known
     * yet. It selects only that id, so the locking read that follows loads the entity fresh.
     */
    private static RefreshTokenEntity lockPresented(EntityManager em, String tokenHash) {
        List<String> family = em.createNamedQuery(RefreshTokenEntity.FAMILY_OF, String.class)
                .setParameter("hash", tokenHash)
                .getResultList();
        if (family.isEmpty() || em.find(RefreshFamilyEntity.class, family.get(0),
                LockModeType.PESSIMISTIC_WRITE) == null) {
            return null;
        }
        return lockRow(em, tokenHash);
    }

    private static RefreshTokenEntity lockRow(EntityManager em, String tokenHash) {
        return tokenHash == null ? null
                : em.find(RefreshTokenEntity.class, tokenHash, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Revokes a family whose row this transaction has locked. */
    private static int revokeLockedFamily(EntityManager em, String familyId, Instant now) {
        RefreshFamilyEntity family = em.find(RefreshFamilyEntity.class, familyId);
        if (family != null) {
            family.revoke(now);
        }
        return revoke(em, RefreshTokenEntity.REVOKE_FAMILY, "familyId", familyId, now);
    }

    private static int revoke(EntityManager em, String query, String parameter, String value,
            Instant now) {
        return em.createNamedQuery(query)
                .setParameter(parameter, value)
                .setParameter("revoked", State.REVOKED.name())
                .setParameter("now", now.toEpochMilli())
                .executeUpdate();
    }
}
