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
 * subject, never the token.
 *
 * <p>Thread-safe if the store is.
 */
public final class RefreshTokenService {

    private static final System.Logger LOG = System.getLogger(RefreshTokenService.class.getName());
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RefreshTokenStore store;
    private final RefreshSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a service.
     *
     * @param store where token hashes are kept
     * @param settings idle and absolute lifetimes
     * @param clock the clock that decides expiry
     */
    public RefreshTokenService(RefreshTokenStore store, RefreshSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a new family for a sign-in and returns its first token.
     *
     * @param subject the signed-in user
     * @param groups the roles to carry into refreshed access tokens
     * @return the token to hand to the client
     */
    public IssuedRefreshToken issue(String subject, Collection<String> groups) {
        Instant now = clock.instant();
        Instant familyExpiresAt = now.plus(settings.absoluteLifetime());
        String token = newToken();
        RefreshTokenRecord record = new RefreshTokenRecord(hash(token),
                UUID.randomUUID().toString(), subject, List.copyOf(groups), now,
                idleExpiry(now, familyExpiresAt), familyExpiresAt, State.ACTIVE, now);
        store.insert(record);
        return issued(token, record);
    }

    /**
     * Exchanges {@code presented} for its successor in the same family.
     *
     * @param presented the refresh token sent by the client
     * @return the successor, carrying the subject and groups of the family
     * @throws RefreshRejectedException if the token is malformed, unknown, reused, revoked or
     *     expired
     */
    public IssuedRefreshToken rotate(String presented) throws RefreshRejectedException {
        String presentedHash = hashOf(presented);
        Instant now = clock.instant();
        String[] successorToken = new String[1];
        RotationOutcome outcome = store.rotate(presentedHash, now, current -> {
            successorToken[0] = newToken();
            return new RefreshTokenRecord(hash(successorToken[0]), current.familyId(),
                    current.subject(), current.groups(), now,
                    idleExpiry(now, current.familyExpiresAt()), current.familyExpiresAt(),
                    State.ACTIVE, now);
        });
        switch (outcome.status()) {
            case ROTATED:
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
     * ignored, as the RFC asks.
     *
     * @param presented a refresh token of the family
     * @return the revoked family's id, or empty when the token is unknown
     */
    public Optional<String> revoke(String presented) {
        if (presented == null || !TOKEN_SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        Optional<RefreshTokenRecord> record = store.find(hash(presented));
        record.ifPresent(found -> {
            int revoked = store.revokeFamily(found.familyId(), clock.instant());
            LOG.log(Level.INFO, "Revoked refresh token family {0} of subject {1} ({2} tokens)",
                    found.familyId(), found.subject(), revoked);
        });
        return record.map(RefreshTokenRecord::familyId);
    }

    /**
     * Revokes every family of {@code subject}: "sign out everywhere".
     *
     * @param subject the user
     * @return the number of tokens whose state changed
     */
    public int revokeAll(String subject) {
        int revoked = store.revokeSubject(Objects.requireNonNull(subject, "subject"),
                clock.instant());
        LOG.log(Level.INFO, "Revoked all refresh tokens of subject {0} ({1} tokens)", subject,
                revoked);
        return revoked;
    }

    /**
     * Deletes every record whose family expired before now.
     *
     * @return the number of deleted records
     */
    public int purgeExpired() {
        return store.purgeExpired(clock.instant());
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
