package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract on H2 through Hibernate, with the tables created by the persistence unit
 * itself, as on a first start.
 */
class JpaRefreshTokenStoreTest extends JpaStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected boolean generatedSchema() {
        return true;
    }

    @Test
    void jdbcUrlOverride_rowsLandInThatDatabase() throws Exception {
        service.issue("alice", List.of());
        service.issue("bob", List.of());

        assertEquals(2, schema().count("jwtee_refresh_token"));
    }
}
