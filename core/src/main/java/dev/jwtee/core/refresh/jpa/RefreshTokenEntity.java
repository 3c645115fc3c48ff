package dev.jwtee.core.refresh.jpa;

import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The JPA mapping of one refresh-token row in {@code jwtee_refresh_token}. Times are epoch
 * milliseconds, which every database and JPA 3.1 provider maps the same way. The state is a
 * plain string column, so that no provider adds a check constraint or a native enum type that a
 * new state would break. The published DDL in {@code core/src/main/ddl} creates the same table.
 */
@Entity(name = "JwteeRefreshToken")
@Table(name = "jwtee_refresh_token", indexes = {
    @Index(name = "jwtee_refresh_token_family", columnList = "family_id"),
    @Index(name = "jwtee_refresh_token_subject", columnList = "subject")
})
@NamedQuery(name = RefreshTokenEntity.FAMILY_OF, query = "SELECT t.familyId"
        + " FROM JwteeRefreshToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = RefreshTokenEntity.REVOKE_FAMILY, query = "UPDATE JwteeRefreshToken t"
        + " SET t.state = :revoked, t.stateChangedAt = :now"
        + " WHERE t.familyId = :familyId AND t.state <> :revoked")
@NamedQuery(name = RefreshTokenEntity.REVOKE_SUBJECT, query = "UPDATE JwteeRefreshToken t"
        + " SET t.state = :revoked, t.stateChangedAt = :now"
        + " WHERE t.subject = :subject AND t.state <> :revoked")
@NamedQuery(name = RefreshTokenEntity.PURGEABLE, query = "SELECT t.tokenHash"
        + " FROM JwteeRefreshToken t WHERE t.familyExpiresAt <= :now"
        + " OR (t.state = :revoked AND t.stateChangedAt < :revokedBefore)")
@NamedQuery(name = RefreshTokenEntity.DELETE, query = "DELETE FROM JwteeRefreshToken t"
        + " WHERE t.tokenHash IN :hashes")
public class RefreshTokenEntity {

    static final String FAMILY_OF = "JwteeRefreshToken.familyOf";
    static final String REVOKE_FAMILY = "JwteeRefreshToken.revokeFamily";
    static final String REVOKE_SUBJECT = "JwteeRefreshToken.revokeSubject";
    static final String PURGEABLE = "JwteeRefreshToken.purgeable";
    static final String DELETE = "JwteeRefreshToken.delete";

    @Id
    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "family_id", length = 64, nullable = false)
    private String familyId;

    @Column(name = "subject", length = 255, nullable = false)
    private String subject;

    /** Claims to carry into refreshed access tokens, as a JSON object; now only groups. */
    @Column(name = "claims_json", length = 4000, nullable = false)
    private String claimsJson;

    @Column(name = "issued_at", nullable = false)
    private long issuedAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "family_expires_at", nullable = false)
    private long familyExpiresAt;

    @Column(name = "state", length = 16, nullable = false)
    private String state;

    @Column(name = "state_changed_at", nullable = false)
    private long stateChangedAt;

    /** Hash of the successor issued when this token was rotated, or null while unrotated. */
    @Column(name = "successor_hash", length = 64)
    private String successorHash;

    /** Creates an empty entity; for the JPA provider only. */
    protected RefreshTokenEntity() {
    }

    static RefreshTokenEntity from(RefreshTokenRecord record) {
        RefreshTokenEntity entity = new RefreshTokenEntity();
        entity.tokenHash = record.tokenHash();
        entity.familyId = record.familyId();
        entity.subject = record.subject();
        entity.claimsJson = JsonUtil.toJson(Map.of("groups", new ArrayList<>(record.groups())));
        entity.issuedAt = record.issuedAt().toEpochMilli();
        entity.expiresAt = record.expiresAt().toEpochMilli();
        entity.familyExpiresAt = record.familyExpiresAt().toEpochMilli();
        entity.state = record.state().name();
        entity.stateChangedAt = record.stateChangedAt().toEpochMilli();
        return entity;
    }

    RefreshTokenRecord toRecord() {
        return new RefreshTokenRecord(tokenHash, familyId, subject, groups(),
                Instant.ofEpochMilli(issuedAt), Instant.ofEpochMilli(expiresAt),
                Instant.ofEpochMilli(familyExpiresAt), state(),
                Instant.ofEpochMilli(stateChangedAt));
    }

    /** Marks this token rotated into {@code successor}. */
    void rotateTo(String successor, Instant now) {
        this.state = State.ROTATED.name();
        this.stateChangedAt = now.toEpochMilli();
        this.successorHash = successor;
    }

    /** Points this rotated token at a new successor; the time of its rotation stays. */
    void replaceSuccessor(String successor) {
        this.successorHash = successor;
    }

    /** Marks this unused successor replaced. */
    void replace(Instant now) {
        this.state = State.REPLACED.name();
        this.stateChangedAt = now.toEpochMilli();
    }

    String successorHash() {
        return successorHash;
    }

    private State state() {
        try {
            return State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("column state of a refresh token in family "
                    + familyId + " holds an unknown state", e);
        }
    }

    private List<String> groups() {
        Object parsed;
        try {
            parsed = JsonUtil.parseJson(claimsJson).get("groups");
        } catch (JoseException e) {
            throw new IllegalStateException("column claims_json of a refresh token in family "
                    + familyId + " is not a JSON object", e);
        }
        List<String> groups = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(entry -> groups.add(String.valueOf(entry)));
        }
        return groups;
    }
}
