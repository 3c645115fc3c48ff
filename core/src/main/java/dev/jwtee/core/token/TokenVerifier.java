package dev.jwtee.core.token;

import dev.jwtee.core.config.EncryptionSettings;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.VerificationKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;

/**
 * Verifies access tokens: size and shape first, then the signature through
 * {@link JwsVerifier}, then the {@code typ} header and the claims (see {@link ClaimsCheck}).
 * The claims must be one strict JSON object, like the header.
 *
 * <p>Built once and shared: instances are immutable and thread-safe. Rejections are logged at
 * DEBUG with the reason code only, never the token.
 */
public final class TokenVerifier {

    private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());

    private final JwsVerifier signatures;
    private final int maxTokenBytes;
    private final JweDecryptor decryptor;
    private final boolean encryptionRequired;
    private final ClaimsCheck claimsCheck;

    /**
     * Creates a verifier of signed tokens only.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the verification keys; their algorithms form the allow-list
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, KeySet keys, Clock clock) {
        this(settings, (VerificationKeys) keys, EncryptionSettings.NONE, clock);
    }

    /**
     * Creates a verifier that also accepts, or requires, signed-then-encrypted tokens.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the verification keys; their algorithms form the allow-list
     * @param encryption the JWE keys and whether encryption is required
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, KeySet keys, EncryptionSettings encryption,
            Clock clock) {
        this(settings, (VerificationKeys) keys, encryption, clock);
    }

    /**
     * Creates a verifier of signed tokens only, over keys that may change, such as a remote
     * JWK set.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the source of the verification keys, never {@code null}
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, VerificationKeys keys, Clock clock) {
        this(settings, keys, EncryptionSettings.NONE, clock);
    }

    /**
     * Creates a verifier that also accepts, or requires, signed-then-encrypted tokens, over
     * keys that may change, such as a remote JWK set.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the source of the verification keys, never {@code null}; the algorithms of
     *     the set a token's key is found in form the allow-list
     * @param encryption the JWE keys and whether encryption is required
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, VerificationKeys keys,
            EncryptionSettings encryption, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.signatures = new JwsVerifier(keys, settings.maxTokenBytes());
        this.maxTokenBytes = settings.maxTokenBytes();
        this.decryptor = encryption.keys()
                .map(jweKeys -> new JweDecryptor(jweKeys, settings.maxTokenBytes()))
                .orElse(null);
        this.encryptionRequired = encryption.required();
        this.claimsCheck = new ClaimsCheck(settings, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Verifies {@code token} and returns its checked claims.
     *
     * @param token the compact serialization, as sent after {@code Bearer}
     * @return the verified token
     * @throws TokenRejectedException with the reason the token was rejected
     */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        try {
            VerifiedJws jws = signatures.verifyChecked(innerToken(token));
            claimsCheck.checkType(jws.header().get("typ"));
            return claimsCheck.check(StrictJson.parseObject(jws.payload()), jws.key().keyId(),
                    jws.key().algorithm());
        } catch (TokenRejectedException e) {
            LOG.log(Level.DEBUG, "Rejected access token: {0}", e.reason().code());
            throw e;
        }
    }

    /**
     * Returns the signed token, with its size, characters and segment count checked: the token
     * itself, or the JWS inside an encrypted token. The JWE must declare {@code cty: JWT}
     * (RFC 7519 section 5.2), and the inner JWS must verify with this deployment's signature
     * keys like any other.
     */
    private String innerToken(String token) throws TokenRejectedException {
        boolean encrypted = CompactParts.segmentCount(token, maxTokenBytes) == 5;
        if (!encrypted) {
            if (encryptionRequired) {
                throw new TokenRejectedException(Reason.WRONG_FORM);
            }
            return token;
        }
        if (decryptor == null) {
            throw new TokenRejectedException(Reason.WRONG_FORM);
        }
        DecryptedJwe jwe = decryptor.decrypt(token);
        if (!(jwe.header().get("cty") instanceof String type)
                || !type.toUpperCase(java.util.Locale.ROOT).equals("JWT")) {
            throw new TokenRejectedException(Reason.WRONG_FORM);
        }
        String inner = StrictJson.utf8(jwe.plaintext());
        if (CompactParts.segmentCount(inner, maxTokenBytes) != 3) {
            throw new TokenRejectedException(Reason.WRONG_FORM);
        }
        return inner;
    }
}
