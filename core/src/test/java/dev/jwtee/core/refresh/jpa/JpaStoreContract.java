package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RefreshTokenStoreContract;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on the JPA store through Hibernate, on one database and a schema of its
 * own, plus restart durability: closing and reopening the persistence unit loses no token and
 * no revocation. Rows are deleted before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaStoreContract extends RefreshTokenStoreContract {

    private static final List<String> TABLES = List.of("jwtee_refresh_token",
            "jwtee_refresh_family");

    private TestSchema schema;
    private EntityManagerFactory factory;

    /** Returns the database this class runs on. */
    protected abstract TestDatabase database();

    /**
     * Tells who creates the tables: true for the persistence unit's schema generation, false
     * for the published DDL, which the unit then only validates.
     */
    protected abstract boolean generatedSchema();

    @BeforeAll
    void openDatabase() throws Exception {
        database().assumeEnabled();
        schema = database().createSchema(getClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replace("test", ""));
        if (!generatedSchema()) {
            schema.runScript(database().ddlFile());
        }
        factory = schema.openFactory(generatedSchema());
    }

    @AfterAll
    void closeDatabase() throws Exception {
        try {
            if (factory != null) {
                factory.close();
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }

    /** Returns the schema this class owns. */
    protected TestSchema schema() {
        return schema;
    }

    @Override
    protected RefreshTokenStore newStore() {
        inTransaction(em -> {
            TABLES.forEach(table -> em.createNativeQuery("DELETE FROM " + table)
                    .executeUpdate());
            return null;
        });
        return new JpaRefreshTokenStore(factory);
    }

    /** Reads every column of every row of both tables. */
    @Override
    protected List<String> storedValues() {
        return inTransaction(em -> {
            List<String> values = new ArrayList<>();
            for (String table : TABLES) {
                for (Object row : em.createNativeQuery("SELECT * FROM " + table)
                        .getResultList()) {
                    for (Object column : (Object[]) row) {
                        values.add(String.valueOf(column));
                    }
                }
            }
            return values;
        });
    }

    @Override
    protected List<RefreshTokenRecord> familyRecords(String familyId) {
        return inTransaction(em -> em.createQuery("SELECT t FROM JwteeRefreshToken t"
                + " WHERE t.familyId = :family", RefreshTokenEntity.class)
                .setParameter("family", familyId)
                .getResultList().stream().map(RefreshTokenEntity::toRecord).toList());
    }

    @Test
    void reopen_keepsEveryRecord() throws Exception {
        List<RefreshTokenRecord> before = history();

        reopen();

        assertEquals(before, records(before));
    }

    @Test
    void reopen_keepsRevocation() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.revoke(first.value());

        reopen();

        assertEquals(Reason.REVOKED, rejection(first.value()));
    }

    @Test
    void reopen_keepsRevocationOfSubject() throws Exception {
        IssuedRefreshToken first = service.rotate(service.issue("alice", List.of()).value());
        service.revokeAll("alice");

        reopen();

        assertEquals(Reason.REVOKED, rejection(first.value()));
    }

    @Test
    void reopen_keepsReuseDetection() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of());
        service.rotate(first.value());

        reopen();

        assertEquals(Reason.REUSED, rejection(first.value()));
    }

    @Test
    void reopen_activeTokenRotates() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("user"));
        clock.advance(Duration.ofMinutes(10));

        reopen();

        assertEquals(List.of("user"), service.rotate(first.value()).groups());
    }

    @Test
    void reopen_keepsGraceRetry() throws Exception {
        IssuedRefreshToken first = graceService.issue("alice", List.of());
        graceService.rotate(first.value());

        reopen();

        assertEquals(first.familyId(), graceService.rotate(first.value()).familyId());
    }

    @Test
    void store_groupsSurviveRoundTrip() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("a\"b", "c,d", "\u00e9"));

        assertEquals(List.of("a\"b", "c,d", "\u00e9"), service.rotate(first.value()).groups());
    }

    /** Closes the persistence unit and opens a new one on the same schema. */
    private void reopen() {
        factory.close();
        factory = schema.openFactory(generatedSchema());
        useStore(new JpaRefreshTokenStore(factory));
    }

    /**
     * Builds tokens in every state: active, rotated, replaced, revoked by reuse, revoked by
     * sign-out, revoked with their subject. Returns their records.
     */
    private List<RefreshTokenRecord> history() throws Exception {
        List<IssuedRefreshToken> tokens = new ArrayList<>();
        IssuedRefreshToken active = graceService.issue("alice", List.of("user"));
        tokens.add(active);
        tokens.add(graceService.rotate(active.value()));
        tokens.add(graceService.rotate(active.value()));
        IssuedRefreshToken reused = service.issue("bob", List.of());
        tokens.add(reused);
        tokens.add(service.rotate(reused.value()));
        rejection(reused.value());
        IssuedRefreshToken signedOut = service.issue("carol", List.of());
        tokens.add(signedOut);
        service.revoke(signedOut.value());
        tokens.add(service.issue("dave", List.of("admin")));
        service.revokeAll("dave");
        List<RefreshTokenRecord> records = new ArrayList<>();
        for (IssuedRefreshToken token : tokens) {
            records.add(stored(token));
        }
        return records;
    }

    private List<RefreshTokenRecord> records(List<RefreshTokenRecord> wanted) {
        List<RefreshTokenRecord> found = new ArrayList<>();
        for (RefreshTokenRecord record : wanted) {
            Optional<RefreshTokenRecord> now = store.find(record.tokenHash());
            found.add(now.orElse(null));
        }
        return found;
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
