package dev.jwtee.core.refresh;

import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link RefreshTokenStore} in this JVM's memory, for tests and single-node demos. Every
 * token is lost on restart and nothing is shared between instances. Thread-safe: each method
 * holds the store's lock for its whole duration.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<String, RefreshTokenRecord> byHash = new HashMap<>();
    /** Hash of each rotated token to the hash of its current successor. */
    private final Map<String, String> successorOf = new HashMap<>();

    @Override
    public synchronized void insert(RefreshTokenRecord record) {
        if (byHash.putIfAbsent(record.tokenHash(), record) != null) {
            throw new IllegalStateException("a refresh token with this hash already exists");
        }
    }

    @Override
    public synchronized RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
            UnaryOperator<RefreshTokenRecord> successor) {
        RefreshTokenRecord presented = byHash.get(tokenHash);
        if (presented == null) {
            return new RotationOutcome(Status.UNKNOWN, null, null);
        }
        RefreshTokenRecord current = RotationRules.needsSuccessor(presented, now, gracePeriod)
                ? byHash.get(successorOf.get(tokenHash)) : null;
        Status status = RotationRules.decide(presented, current, now, gracePeriod);
        switch (status) {
            case ROTATED:
            case RETRIED:
                RefreshTokenRecord next = successor.apply(presented);
                RefreshTokenRecord consumed = status == Status.ROTATED
                        ? presented.withState(State.ROTATED, now)
                        : current.withState(State.REPLACED, now);
                insert(next);
                byHash.put(consumed.tokenHash(), consumed);
                successorOf.put(tokenHash, next.tokenHash());
                return new RotationOutcome(status, presented, next);
            case REUSED:
                revokeWhere(record -> record.familyId().equals(presented.familyId()), now);
                return new RotationOutcome(status, presented, null);
            default:
                return new RotationOutcome(status, presented, null);
        }
    }

    @Override
    public synchronized Optional<RefreshTokenRecord> find(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public synchronized int revokeFamily(String familyId, Instant now) {
        return revokeWhere(record -> record.familyId().equals(familyId), now);
    }

    @Override
    public synchronized int revokeSubject(String subject, Instant now) {
        return revokeWhere(record -> record.subject().equals(subject), now);
    }

    @Override
    public synchronized int purge(Instant now, Instant revokedBefore, int limit) {
        int deleted = 0;
        Iterator<RefreshTokenRecord> records = byHash.values().iterator();
        while (deleted < limit && records.hasNext()) {
            RefreshTokenRecord record = records.next();
            boolean familyOver = !now.isBefore(record.familyExpiresAt());
            boolean revokedLongAgo = record.state() == State.REVOKED
                    && record.stateChangedAt().isBefore(revokedBefore);
            if (familyOver || revokedLongAgo) {
                records.remove();
                successorOf.remove(record.tokenHash());
                deleted++;
            }
        }
        return deleted;
    }

    private int revokeWhere(Predicate<RefreshTokenRecord> selected, Instant now) {
        int changed = 0;
        for (Map.Entry<String, RefreshTokenRecord> entry : byHash.entrySet()) {
            RefreshTokenRecord record = entry.getValue();
            if (selected.test(record) && record.state() != State.REVOKED) {
                entry.setValue(record.withState(State.REVOKED, now));
                changed++;
            }
        }
        return changed;
    }
}
