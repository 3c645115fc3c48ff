package dev.jwtee.core.refresh;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.refresh.RefreshRejectedException.Reason;
import dev.jwtee.core.refresh.RefreshTokenRecord.State;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues, rotates and revokes opaque refresh tokens. A token is 256 random bits in base64url;
 * only its SHA-256 hash reaches the store. Every exchange rotates: the presented token is
 * consumed and a successor in the same family is issued. Presenting a consumed token again
 * means it was copied, so the whole family is revoked and a WARNING names the family and
 * subject, never the token. Within the configured grace period, the token consumed last may be
 * presented once more by a client that lost the response: its unused successor is then
 * replaced, so the family still has one active token.
 *
 * <p>Thread-safe if the store and the {@link RoleRefresher} are.
 */
public final class RefreshTokenService {

    /** Records deleted per transaction by {@link #purgeExpired()}. */
    public static final int DEFAULT_PURGE_BATCH = 500;

    private static final System.Logger LOG = System.getLogger(RefreshTokenService.class.getName());
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_PURGE_BATCH = 10_000;

    private final RefreshTokenStore store;
    private final RefreshSettings settings;
    private final Clock clock;
    private final RoleRefresher roleRefresher;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a service that keeps the sign-in roles on refresh.
     *
     * @param store where token hashes are kept
     * @param settings lifetimes, grace period and revoked-record retention
     * @param clock the clock that decides expiry
     */
    public RefreshTokenService(RefreshTokenStore store, RefreshSettings settings, Clock clock) {
        this(store, settings, clock, RoleRefresher.keepStoredRoles());
    }

    /**
     * Creates a service.
     *
     * @param store where token hashes are kept, never {@code null}
     * @param settings lifetimes, grace period and revoked-record retention, never {@code null}
     * @param clock the clock that decides expiry, never {@code null}
     * @param roleRefresher re-reads the roles on each refresh, never {@code null}
     */
    public RefreshTokenService(RefreshTokenStore store, RefreshSettings settings, Clock clock,
            RoleRefresher roleRefresher) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.roleRefresher = Objects.requireNonNull(roleRefresher, "roleRefresher");
    }

    /**
     * Starts a new family for a sign-in and returns its first token.
     *
     * @param subject the signed-in user, never {@code null}
     * @param groups the roles to carry into refreshed access tokens, never {@code null}
     * @return the token to hand to the client
     */
    public IssuedRefreshToken issue(String subject, Collection<String> groups) {
        Instant now = now();
        Instant familyExpiresAt = now.plus(settings.absoluteLifetime());
        String token = newToken();
        RefreshTokenRecord record = new RefreshTokenRecord(hash(token),
                UUID.randomUUID().toString(), subject, List.copyOf(groups), now,
                idleExpiry(now, familyExpiresAt), familyExpiresAt, State.ACTIVE, now);
        store.insert(record);
        return issued(token, record);
    }

    /**
     * Exchanges {@code presented} for its successor in the same family. With a
     * {@link RoleRefresher} configured, the successor carries the subject's current roles.
     *
     * @param presented the refresh token sent by the client, may be {@code null}
     * @return the successor, carrying the subject and roles of the family
     * @throws RefreshRejectedException if the token is malformed, unknown, reused, revoked or
     *     expired, or its subject no longer exists
     */
    public IssuedRefreshToken rotate(String presented) throws RefreshRejectedException {
        String presentedHash = hashOf(presented);
        Instant now = now();
        Optional<List<String>> roles = currentRoles(presentedHash, now);
        String[] successorToken = new String[1];
        RotationOutcome outcome = store.rotate(presentedHash, now, settings.gracePeriod(),
                current -> {
                    successorToken[0] = newToken();
                    return new RefreshTokenRecord(hash(successorToken[0]), current.familyId(),
                            current.subject(), roles.orElse(current.groups()), now,
                            idleExpiry(now, current.familyExpiresAt()),
                            current.familyExpiresAt(), State.ACTIVE, now);
                });
        switch (outcome.status()) {
            case ROTATED:
                return issued(successorToken[0], outcome.successor());
            case RETRIED:
                LOG.log(Level.INFO, "Refresh token of family {0} of subject {1} retried within"
                        + " the grace period; its unused successor was replaced",
                        outcome.presented().familyId(), outcome.presented().subject());
                return issued(successorToken[0], outcome.successor());
            case REUSED:
                LOG.log(Level.WARNING, "Refresh token reuse detected; revoked family {0} of"
                        + " subject {1}", outcome.presented().familyId(),
                        outcome.presented().subject());
                throw new RefreshRejectedException(Reason.REUSED);
            case REVOKED:
                throw new RefreshRejectedException(Reason.REVOKED);
            case EXPIRED:
                throw new RefreshRejectedException(Reason.EXPIRED);
            default:
                throw new RefreshRejectedException(Reason.UNKNOWN);
        }
    }

    /**
     * Revokes the family of {@code presented} (RFC 7009). Unknown or malformed tokens are
     * ignored, as RFC 7009 section 2.2 requires. Takes effect at once for every server that
     * shares the store; a rotation running at the same moment leaves no active token behind.
     *
     * @param presented a refresh token of the family, may be {@code null}
     * @return the revoked family's id, or empty when the token is unknown or malformed
     */
    public Optional<String> revoke(String presented) {
        if (presented == null || !TOKEN_SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        Optional<RefreshTokenRecord> record = store.find(hash(presented));
        record.ifPresent(found -> {
            int revoked = store.revokeFamily(found.familyId(), now());
            LOG.log(Level.INFO, "Revoked refresh token family {0} of subject {1} ({2} tokens)",
                    found.familyId(), found.subject(), revoked);
        });
        return record.map(RefreshTokenRecord::familyId);
    }

    /**
     * Revokes every family of {@code subject}: "sign out everywhere". Subjects are compared
     * exactly, so {@code "Alice"} does not match {@code "alice"}.
     *
     * @param subject the user, never {@code null}
     * @return the number of tokens whose state changed
     */
    public int revokeAll(String subject) {
        int revoked = store.revokeSubject(Objects.requireNonNull(subject, "subject"), now());
        LOG.log(Level.INFO, "Revoked all refresh tokens of subject {0} ({1} tokens)", subject,
                revoked);
        return revoked;
    }

    /**
     * Deletes every record that nothing needs any more, in batches of
     * {@value #DEFAULT_PURGE_BATCH}: those of families past their absolute lifetime, and revoked
     * ones revoked longer ago than {@code jwtee.refresh.revoked-retention}.
     *
     * @return the number of deleted records
     */
    public int purgeExpired() {
        return purgeExpired(DEFAULT_PURGE_BATCH);
    }

    /**
     * Deletes what {@link #purgeExpired()} deletes, at most {@code batchSize} records per
     * transaction, so that no transaction holds many locks.
     *
     * @param batchSize records per transaction, 1 to 10000
     * @return the number of deleted records
     * @throws IllegalArgumentException if {@code batchSize} is out of range
     */
    public int purgeExpired(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_PURGE_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_PURGE_BATCH
                    + ", not " + batchSize);
        }
        Instant now = now();
        Instant revokedBefore = now.minus(settings.revokedRetention());
        int total = 0;
        int deleted;
        do {
            deleted = store.purge(now, revokedBefore, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    /**
     * Returns the base64url SHA-256 of a token, the form in which the store keeps it.
     *
     * @param token the raw token
     * @return 43 base64url characters
     */
    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
            return BASE64URL.encodeToString(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static String hashOf(String presented) throws RefreshRejectedException {
        if (presented == null || !TOKEN_SHAPE.matcher(presented).matches()) {
            throw new RefreshRejectedException(Reason.MALFORMED);
        }
        return hash(presented);
    }

    /**
     * Asks the role refresher for the subject's roles, when one is configured and the token may
     * still be exchanged. Empty means: keep the stored roles.
     */
    private Optional<List<String>> currentRoles(String presentedHash, Instant now)
            throws RefreshRejectedException {
        if (roleRefresher == RoleRefresher.keepStoredRoles()) {
            return Optional.empty();
        }
        Optional<RefreshTokenRecord> found = store.find(presentedHash);
        if (found.isEmpty() || !(found.get().state() == State.ACTIVE
                || found.get().state() == State.ROTATED)) {
            return Optional.empty();
        }
        RefreshTokenRecord record = found.get();
        Optional<List<String>> roles = Objects.requireNonNull(
                roleRefresher.currentRoles(record.subject(), record.groups()),
                "RoleRefresher.currentRoles returned null");
        if (roles.isEmpty()) {
            int revoked = store.revokeFamily(record.familyId(), now);
            LOG.log(Level.INFO, "Subject {1} no longer exists; revoked refresh token family {0}"
                    + " ({2} tokens)", record.familyId(), record.subject(), revoked);
            throw new RefreshRejectedException(Reason.SUBJECT_UNKNOWN);
        }
        return Optional.of(List.copyOf(roles.get()));
    }

    /** Returns the clock's time cut to milliseconds, the precision that the stores keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Instant idleExpiry(Instant now, Instant familyExpiresAt) {
        Instant idle = now.plus(settings.idleLifetime());
        return idle.isBefore(familyExpiresAt) ? idle : familyExpiresAt;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static IssuedRefreshToken issued(String token, RefreshTokenRecord record) {
        return new IssuedRefreshToken(token, record.familyId(), record.subject(), record.groups(),
                record.expiresAt());
    }
}
