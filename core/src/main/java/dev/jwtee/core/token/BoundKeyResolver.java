package dev.jwtee.core.token;

import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.security.Key;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Finds the verification key by {@code kid} alone and insists that the token's {@code alg}
 * equals the algorithm bound to that key (RFC 8725 section 3.1). Header fields such as
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are never read, so a token cannot bring
 * its own key or cause an outbound request.
 */
final class BoundKeyResolver implements VerificationKeyResolver {

    private final KeySet keys;

    BoundKeyResolver(KeySet keys) {
        this.keys = keys;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
            throws UnresolvableKeyException {
        String algorithm = jws.getAlgorithmHeaderValue();
        if (algorithm == null) {
            throw new KeyRejection(Reason.MALFORMED);
        }
        String keyId = jws.getKeyIdHeaderValue();
        Optional<JwteeKey> key = keyId == null ? keys.onlyKey() : keys.find(keyId);
        if (key.isEmpty()) {
            throw new KeyRejection(Reason.UNKNOWN_KEY);
        }
        if (!keys.algorithms().contains(algorithm)) {
            throw new KeyRejection(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (!key.get().algorithm().equals(algorithm)) {
            throw new KeyRejection(Reason.ALGORITHM_MISMATCH);
        }
        return key.get().verificationKey();
    }

    /** Carries the rejection reason through jose4j's exception wrapping. */
    static final class KeyRejection extends UnresolvableKeyException {

        private static final long serialVersionUID = 1L;

        private final Reason reason;

        KeyRejection(Reason reason) {
            super(reason.description());
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
