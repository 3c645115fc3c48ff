package dev.jwtee.core.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Storage for refresh-token records. Every method is atomic, and implementations must be
 * thread-safe and correct when several server instances share the storage: of concurrent
 * rotations of one active token exactly one returns {@link RotationOutcome.Status#ROTATED}, and
 * a revocation that runs at the same time as a rotation leaves no active token in the family.
 * Rotation decisions follow {@link RotationRules}.
 */
public interface RefreshTokenStore {

    /**
     * Stores the first record of a new family.
     *
     * @param record the record; its hash and its family id must be new
     */
    void insert(RefreshTokenRecord record);

    /**
     * Exchanges the token with {@code tokenHash} in one transaction, as {@link RotationRules}
     * decides. An active token becomes {@link RefreshTokenRecord.State#ROTATED} and its successor
     * is stored. A rotated token retried within the grace period keeps its state; its unused
     * successor becomes {@link RefreshTokenRecord.State#REPLACED} and a new successor is stored.
     * On reuse, the whole family is revoked.
     *
     * @param tokenHash hash of the presented token
     * @param now the current time, which decides expiry and the grace period
     * @param gracePeriod how long after its rotation a token may be retried; zero for never
     * @param successor builds the successor record from the presented one; called only for
     *     {@link RotationOutcome.Status#ROTATED} and {@link RotationOutcome.Status#RETRIED},
     *     possibly more than once when the store retries its transaction
     * @return what happened
     */
    RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
            UnaryOperator<RefreshTokenRecord> successor);

    /**
     * Finds a record by token hash.
     *
     * @param tokenHash the hash
     * @return the record, or empty when none has that hash
     */
    Optional<RefreshTokenRecord> find(String tokenHash);

    /**
     * Revokes every token of a family.
     *
     * @param familyId the family
     * @param now the revocation time
     * @return the number of tokens whose state changed
     */
    int revokeFamily(String familyId, Instant now);

    /**
     * Revokes every token of every family of {@code subject}. Subjects are compared exactly.
     *
     * @param subject the user
     * @param now the revocation time
     * @return the number of tokens whose state changed
     */
    int revokeSubject(String subject, Instant now);

    /**
     * Deletes one batch of records that nothing needs any more: those of families whose absolute
     * lifetime ended at or before {@code now}, and revoked ones revoked before
     * {@code revokedBefore}. Rotated and replaced records of a live family stay, because reuse
     * detection needs them. Also drops the bookkeeping of such families.
     *
     * @param now the current time
     * @param revokedBefore revoked records whose revocation is older than this are deleted
     * @param limit the most records to delete in this call, at least 1
     * @return the number of token records deleted; less than {@code limit} when no more are due
     */
    int purge(Instant now, Instant revokedBefore, int limit);
}
