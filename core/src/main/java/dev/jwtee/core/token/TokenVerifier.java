package dev.jwtee.core.token;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.InvalidJwtSignatureException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.InvalidAlgorithmException;

/**
 * Verifies compact JWS access tokens: size and shape first, then the signature with the key
 * named by {@code kid} and bound to the token's {@code alg}, then the {@code typ} header and the
 * claims (see {@link ClaimsCheck}).
 *
 * <p>Built once and shared: instances are immutable and thread-safe. Rejections are logged at
 * DEBUG with the reason code only, never the token.
 */
public final class TokenVerifier {

    private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());

    private final TokenSettings settings;
    private final KeySet keys;
    private final JwtConsumer consumer;
    private final ClaimsCheck claimsCheck;

    /**
     * Creates a verifier.
     *
     * @param settings issuer, audience, skew, size limit and accepted types
     * @param keys the verification keys; their algorithms form the allow-list
     * @param clock the clock that decides expiry; use {@link Clock#systemUTC()} in production
     */
    public TokenVerifier(TokenSettings settings, KeySet keys, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.claimsCheck = new ClaimsCheck(settings, Objects.requireNonNull(clock, "clock"));
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        keys.algorithms().toArray(String[]::new)))
                .setVerificationKeyResolver(new BoundKeyResolver(keys))
                .setSkipAllValidators()
                .build();
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
            checkShape(token);
            JwtContext context = consumer.process(token);
            JsonWebSignature jws = (JsonWebSignature) context.getJoseObjects().get(0);
            claimsCheck.checkType(jws.getHeaders().getObjectHeaderValue("typ"));
            JwtClaims claims = context.getJwtClaims();
            return claimsCheck.check(claims, verifyingKeyId(jws), jws.getAlgorithmHeaderValue());
        } catch (TokenRejectedException e) {
            LOG.log(Level.DEBUG, "Rejected access token: {0}", e.reason().code());
            throw e;
        } catch (InvalidJwtException e) {
            // jose4j's message quotes the whole token, so it is not kept as the cause.
            TokenRejectedException rejection = new TokenRejectedException(reasonOf(e));
            LOG.log(Level.DEBUG, "Rejected access token: {0}", rejection.reason().code());
            throw rejection;
        }
    }

    /**
     * Rejects oversized tokens and anything but three base64url segments before any decoding,
     * so hostile input costs no parsing.
     */
    private void checkShape(String token) throws TokenRejectedException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (token.length() > settings.maxTokenBytes()
                || token.getBytes(StandardCharsets.UTF_8).length > settings.maxTokenBytes()) {
            throw new TokenRejectedException(Reason.TOO_LARGE);
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64Url(c)) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
        }
        if (dots != 2 || token.startsWith(".") || token.indexOf("..") >= 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }

    /** Returns the id of the key that verified the signature, also for a token without kid. */
    private String verifyingKeyId(JsonWebSignature jws) {
        String keyId = jws.getKeyIdHeaderValue();
        return keyId != null ? keyId : keys.onlyKey().orElseThrow().keyId();
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
    }

    private static Reason reasonOf(InvalidJwtException e) {
        if (e instanceof InvalidJwtSignatureException) {
            return Reason.BAD_SIGNATURE;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundKeyResolver.KeyRejection rejection) {
                return rejection.reason();
            }
            if (cause instanceof InvalidAlgorithmException) {
                return Reason.UNSUPPORTED_ALGORITHM;
            }
        }
        return Reason.MALFORMED;
    }
}
