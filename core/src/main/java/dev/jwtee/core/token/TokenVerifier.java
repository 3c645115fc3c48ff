package dev.jwtee.core.token;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

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
    private final ClaimsCheck claimsCheck;

    /**
     * Creates a verifier.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the verification keys; their algorithms form the allow-list
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, KeySet keys, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.signatures = new JwsVerifier(keys, settings.maxTokenBytes());
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
            VerifiedJws jws = signatures.verify(token);
            claimsCheck.checkType(jws.header().get("typ"));
            return claimsCheck.check(parseClaims(jws.payload()), jws.key().keyId(),
                    jws.key().algorithm());
        } catch (TokenRejectedException e) {
            LOG.log(Level.DEBUG, "Rejected access token: {0}", e.reason().code());
            throw e;
        }
    }

    private static JwtClaims parseClaims(byte[] payload) throws TokenRejectedException {
        String json = StrictJson.checkObject(payload);
        try {
            return JwtClaims.parse(json);
        } catch (InvalidJwtException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }
}
