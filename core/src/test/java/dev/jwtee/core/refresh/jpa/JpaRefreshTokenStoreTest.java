package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RefreshTokenStoreContract;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the store contract against the JPA store on Hibernate and in-memory H2. */
class JpaRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private static final String URL = "jdbc:h2:mem:jwtee-contract;DB_CLOSE_DELAY=-1";

    private static EntityManagerFactory factory;

    @BeforeAll
    static void openFactory() {
        factory = open(URL);
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    /** Opens the shipped {@code jwtee} unit with the JDBC URL overriding its data source. */
    static EntityManagerFactory open(String url) {
        return Persistence.createEntityManagerFactory("jwtee", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
    }

    @Override
    protected RefreshTokenStore newStore() {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("DELETE FROM jwtee_refresh_token").executeUpdate();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        return new JpaRefreshTokenStore(factory);
    }

    /** Reads every column of every row with a native query. */
    @Override
    protected List<String> storedValues() {
        EntityManager em = factory.createEntityManager();
        try {
            List<?> rows = em.createNativeQuery("SELECT * FROM jwtee_refresh_token")
                    .getResultList();
            List<String> values = new ArrayList<>();
            for (Object row : rows) {
                for (Object column : (Object[]) row) {
                    values.add(String.valueOf(column));
                }
            }
            return values;
        } finally {
            em.close();
        }
    }

    @Test
    void jdbcUrlOverride_rowsLandInThatDatabase() throws Exception {
        service.issue("alice", List.of());
        service.issue("bob", List.of());

        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT COUNT(*) FROM jwtee_refresh_token")) {
            result.next();
            assertEquals(2, result.getInt(1));
        }
    }

    @Test
    void store_groupsSurviveRoundTrip() throws Exception {
        IssuedRefreshToken first = service.issue("alice", List.of("a\"b", "c,d", "\u00e9"));

        IssuedRefreshToken second = service.rotate(first.value());

        assertEquals(List.of("a\"b", "c,d", "\u00e9"), second.groups());
    }
}
