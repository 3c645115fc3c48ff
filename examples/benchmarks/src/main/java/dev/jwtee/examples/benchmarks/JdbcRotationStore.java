package dev.jwtee.examples.benchmarks;

import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RotationOutcome;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import dev.jwtee.core.refresh.RotationRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The baseline for the rotation benchmark: the reads and writes of the JPA store's issue and
 * rotation, written by hand in JDBC on one connection, on the same tables. Only what the
 * benchmark calls is implemented. Not thread-safe: one benchmark thread owns it.
 */
final class JdbcRotationStore implements RefreshTokenStore {

    private static final String COLUMNS = "token_hash, family_id, subject, claims_json,"
            + " issued_at, expires_at, family_expires_at, state, state_changed_at, successor_hash";

    private final Connection connection;

    JdbcRotationStore(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    @Override
    public void insert(RefreshTokenRecord record) {
        try {
            try (PreparedStatement family = connection.prepareStatement("INSERT INTO"
                    + " jwtee_refresh_family (family_id, subject, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                family.setString(1, record.familyId());
                family.setString(2, record.subject());
                family.setLong(3, record.issuedAt().toEpochMilli());
                family.setLong(4, record.familyExpiresAt().toEpochMilli());
                family.executeUpdate();
            }
            insertToken(record);
            connection.commit();
        } catch (SQLException e) {
            throw rollBack(e);
        }
    }

    /** Same statements as the JPA store: family id, family lock, token lock, insert, update. */
    @Override
    public RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
            UnaryOperator<RefreshTokenRecord> successor) {
        try {
            Optional<String> family = familyOf(tokenHash);
            RefreshTokenRecord presented = family.isPresent() && lockFamily(family.get())
                    ? lockToken(tokenHash) : null;
            if (presented == null) {
                connection.commit();
                return new RotationOutcome(Status.UNKNOWN, null, null);
            }
            Status status = RotationRules.decide(presented, null, now, Duration.ZERO);
            if (status != Status.ROTATED) {
                throw new UnsupportedOperationException("the benchmark only rotates active"
                        + " tokens, not " + status);
            }
            RefreshTokenRecord next = successor.apply(presented);
            insertToken(next);
            try (PreparedStatement update = connection.prepareStatement("UPDATE"
                    + " jwtee_refresh_token SET state = ?, state_changed_at = ?,"
                    + " successor_hash = ? WHERE token_hash = ?")) {
                update.setString(1, State.ROTATED.name());
                update.setLong(2, now.toEpochMilli());
                update.setString(3, next.tokenHash());
                update.setString(4, tokenHash);
                update.executeUpdate();
            }
            connection.commit();
            return new RotationOutcome(status, presented, next);
        } catch (SQLException e) {
            throw rollBack(e);
        }
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    @Override
    public int revokeFamily(String familyId, Instant now) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    @Override
    public int revokeSubject(String subject, Instant now) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    @Override
    public int purge(Instant now, Instant revokedBefore, int limit) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    private Optional<String> familyOf(String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT family_id FROM jwtee_refresh_token WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private boolean lockFamily(String familyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT family_id, subject,"
                + " created_at, expires_at, revoked_at FROM jwtee_refresh_family"
                + " WHERE family_id = ? FOR UPDATE")) {
            select.setString(1, familyId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private RefreshTokenRecord lockToken(String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM jwtee_refresh_token WHERE token_hash = ? FOR UPDATE")) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new RefreshTokenRecord(row.getString(1), row.getString(2),
                        row.getString(3), groups(row.getString(4)),
                        Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6)),
                        Instant.ofEpochMilli(row.getLong(7)), State.valueOf(row.getString(8)),
                        Instant.ofEpochMilli(row.getLong(9)));
            }
        }
    }

    private void insertToken(RefreshTokenRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO"
                + " jwtee_refresh_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.tokenHash());
            insert.setString(2, record.familyId());
            insert.setString(3, record.subject());
            insert.setString(4, JsonUtil.toJson(Map.of("groups",
                    new ArrayList<>(record.groups()))));
            insert.setLong(5, record.issuedAt().toEpochMilli());
            insert.setLong(6, record.expiresAt().toEpochMilli());
            insert.setLong(7, record.familyExpiresAt().toEpochMilli());
            insert.setString(8, record.state().name());
            insert.setLong(9, record.stateChangedAt().toEpochMilli());
            insert.setNull(10, Types.VARCHAR);
            insert.executeUpdate();
        }
    }

    private static List<String> groups(String json) throws SQLException {
        try {
            Object parsed = JsonUtil.parseJson(json).get("groups");
            List<String> groups = new ArrayList<>();
            if (parsed instanceof List<?> list) {
                list.forEach(entry -> groups.add(String.valueOf(entry)));
            }
            return groups;
        } catch (JoseException e) {
            throw new SQLException("claims_json is not a JSON object", e);
        }
    }

    private RuntimeException rollBack(SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return new IllegalStateException("JDBC rotation failed", failure);
    }
}
