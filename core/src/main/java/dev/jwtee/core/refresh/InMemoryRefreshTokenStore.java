package dev.jwtee.core.refresh;

import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import dev.jwtee.core.refresh.RotationOutcome.Status;
import java.time.Instant;
import java.util.HashMap;
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

    @Override
    public synchronized void insert(RefreshTokenRecord record) {
        if (byHash.putIfAbsent(record.tokenHash(), record) != null) {
            throw new IllegalStateException("a refresh token with this hash already exists");
        }
    }

    @Override
    public synchronized RotationOutcome rotate(String tokenHash, Instant now,
            UnaryOperator<RefreshTokenRecord> successor) {
        RefreshTokenRecord presented = byHash.get(tokenHash);
        if (presented == null) {
            return new RotationOutcome(Status.UNKNOWN, null, null);
        }
        switch (presented.state()) {
            case REVOKED:
                return new RotationOutcome(Status.REVOKED, presented, null);
            case ROTATED:
                revokeWhere(record -> record.familyId().equals(presented.familyId()), now);
                return new RotationOutcome(Status.REUSED, presented, null);
            default:
                break;
        }
        if (presented.isExpiredAt(now)) {
            return new RotationOutcome(Status.EXPIRED, presented, null);
        }
        RefreshTokenRecord next = successor.apply(presented);
        byHash.put(tokenHash, presented.withState(State.ROTATED, now));
        insert(next);
        return new RotationOutcome(Status.ROTATED, presented, next);
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
    public synchronized int purgeExpired(Instant cutoff) {
        int before = byHash.size();
        byHash.values().removeIf(record -> record.familyExpiresAt().isBefore(cutoff));
        return before - byHash.size();
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
