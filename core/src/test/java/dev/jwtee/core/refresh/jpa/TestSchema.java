package dev.jwtee.core.refresh.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An empty schema that one test class owns, and the {@code jwtee} persistence unit opened on it.
 * Closing it drops the schema.
 *
 * @param database the database it lives in
 * @param name the schema name
 * @param url JDBC URL whose default schema is this one
 * @param user the database user; the password is empty
 * @param dropper drops the schema
 */
record TestSchema(TestDatabase database, String name, String url, String user, Dropper dropper)
        implements AutoCloseable {

    /** Enough connections for every thread of the concurrency tests. */
    private static final String POOL_SIZE = "64";

    /** Drops a schema. */
    @FunctionalInterface
    interface Dropper {
        void drop() throws Exception;
    }

    /**
     * Opens the shipped {@code jwtee} unit on this schema.
     *
     * @param generateSchema true to let the unit create missing tables, as it does by default;
     *     false to have it only validate tables created beforehand
     * @return the factory; the caller closes it
     */
    EntityManagerFactory openFactory(boolean generateSchema) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("hibernate.connection.pool_size", POOL_SIZE);
        if (!generateSchema) {
            properties.put("hibernate.hbm2ddl.auto", "validate");
        }
        return Persistence.createEntityManagerFactory(JpaRefreshTokenStore.PERSISTENCE_UNIT,
                properties);
    }

    /** Opens a plain JDBC connection to this schema. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /**
     * Runs a DDL script: statements end with a semicolon at the end of a line, and lines that
     * start with {@code --} are comments.
     */
    void runScript(Path script) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(script, StandardCharsets.UTF_8))) {
                statement.execute(sql);
            }
        }
    }

    /** Counts the rows of a table. */
    long count(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("script ends without a semicolon: " + current);
        }
        return statements;
    }

    @Override
    public void close() throws Exception {
        dropper.drop();
    }
}
