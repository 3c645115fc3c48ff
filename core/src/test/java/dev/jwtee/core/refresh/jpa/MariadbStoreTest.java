package dev.jwtee.core.refresh.jpa;

/**
 * The store contract on MariaDB through Hibernate, with the tables created by the published DDL
 * and only validated by the persistence unit, which proves that the DDL fits the mapping. The
 * server runs at REPEATABLE READ, its default, so this also checks that rotations see rows
 * committed after their first read. Needs a server on 127.0.0.1:3306; runs only with
 * {@code -Djwtee.test.databases=mariadb}.
 */
class MariadbStoreTest extends JpaStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected boolean generatedSchema() {
        return false;
    }
}
