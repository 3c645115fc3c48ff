package dev.jwtee.core.refresh.jpa;

/**
 * The store contract on PostgreSQL through Hibernate, with the tables created by the published
 * DDL and only validated by the persistence unit, which proves that the DDL fits the mapping.
 * Needs a server on 127.0.0.1:5432; runs only with {@code -Djwtee.test.databases=postgresql}.
 */
class PostgresqlStoreTest extends JpaStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected boolean generatedSchema() {
        return false;
    }
}
