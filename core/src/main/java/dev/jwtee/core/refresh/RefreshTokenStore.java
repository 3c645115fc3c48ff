package dev.jwtee.core.refresh;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Storage for refresh-token records. Every method is one atomic transaction, and
 * implementations must be thread-safe and correct when several server instances share the
 * storage: of two concurrent rotations of one token, exactly one returns
 * {@link RotationOutcome.Status#ROTATED}.
 */
public interface RefreshTokenStore {

    /**
     * Stores a new record.
     *
     * @param record the record; its hash must be new
     */
    void insert(RefreshTokenRecord record);

    /**
     * Consumes the active token with {@code tokenHash} and stores its successor, in one
     * transaction. A token found already rotated is reuse: the store revokes its whole family.
     *
     * @param tokenHash hash of the presented token
     * @param now the current time, which decides expiry
     * @param successor builds the successor record from the consumed one; called only when the
     *     token is active and unexpired
     * @return what happened
     */
    RotationOutcome rotate(String tokenHash, Instant now,
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
     * Revokes every token of every family of {@code subject}.
     *
     * @param subject the user
     * @param now the revocation time
     * @return the number of tokens whose state changed
     */
    int revokeSubject(String subject, Instant now);

    /**
     * Deletes records whose family has expired before {@code cutoff}.
     *
     * @param cutoff records with a family expiry before this instant are deleted
     * @return the number of deleted records
     */
    int purgeExpired(Instant cutoff);
}
