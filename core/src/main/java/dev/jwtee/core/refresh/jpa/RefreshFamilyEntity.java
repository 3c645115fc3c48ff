package dev.jwtee.core.refresh.jpa;

import dev.jwtee.core.refresh.RefreshTokenRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The JPA mapping of one family row in {@code jwtee_refresh_family}: a sign-in and every token
 * rotated from it. Its row is the family's lock: every change that adds a token to the family or
 * revokes it locks this row first, so that a revocation cannot miss a successor that a
 * concurrent rotation inserts. Times are epoch milliseconds.
 */
@Entity(name = "JwteeRefreshFamily")
@Table(name = "jwtee_refresh_family", indexes = {
    @Index(name = "jwtee_refresh_family_subject", columnList = "subject")
})
@NamedQuery(name = RefreshFamilyEntity.OF_SUBJECT, query = "SELECT f FROM JwteeRefreshFamily f"
        + " WHERE f.subject = :subject ORDER BY f.familyId")
@NamedQuery(name = RefreshFamilyEntity.PURGEABLE, query = "SELECT f.familyId"
        + " FROM JwteeRefreshFamily f WHERE f.expiresAt <= :now"
        + " OR f.revokedAt < :revokedBefore")
@NamedQuery(name = RefreshFamilyEntity.DELETE, query = "DELETE FROM JwteeRefreshFamily f"
        + " WHERE f.familyId IN :ids")
public class RefreshFamilyEntity {

    static final String OF_SUBJECT = "JwteeRefreshFamily.ofSubject";
    static final String PURGEABLE = "JwteeRefreshFamily.purgeable";
    static final String DELETE = "JwteeRefreshFamily.delete";

    @Id
    @Column(name = "family_id", length = 64, nullable = false)
    private String familyId;

    @Column(name = "subject", length = 255, nullable = false)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** When the family was revoked, or null while it is not. */
    @Column(name = "revoked_at")
    private Long revokedAt;

    /** Creates an empty entity; for the JPA provider only. */
    protected RefreshFamilyEntity() {
    }

    static RefreshFamilyEntity from(RefreshTokenRecord first) {
        RefreshFamilyEntity entity = new RefreshFamilyEntity();
        entity.familyId = first.familyId();
        entity.subject = first.subject();
        entity.createdAt = first.issuedAt().toEpochMilli();
        entity.expiresAt = first.familyExpiresAt().toEpochMilli();
        return entity;
    }

    /** Records the revocation time, unless the family was revoked before. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.toEpochMilli();
        }
    }
}
