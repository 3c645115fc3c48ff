package dev.jwtee.core.refresh.jpa;

/**
 * The store contract on H2 through Hibernate, with the tables created by the published DDL and
 * only validated by the persistence unit, which proves that the DDL fits the mapping.
 */
class H2DdlStoreTest extends JpaStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected boolean generatedSchema() {
        return false;
    }
}
