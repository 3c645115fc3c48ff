package dev.jwtee.core.token;

import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.VerificationKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Verifies the signature of a compact JWS (RFC 7515) under the rules of RFC 8725: canonical
 * base64url, strict JSON without duplicate names, the key found by {@code kid} alone, the
 * token's {@code alg} equal to the one algorithm bound to that key, never {@code none}, and no
 * {@code crit}, {@code b64}, {@code zip} or {@code enc} parameter. Header parameters that name
 * keys ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never read, so a token cannot
 * bring its own key or cause an outbound request. jose4j computes the signature.
 *
 * <p>The {@code kid} is looked up in the key source's current set; only when that set does not
 * know it does the verifier ask the source for a refreshed set, once, and look again. The
 * allow-list is the algorithms of the set the key was found in.
 *
 * <p>Checks only the signature layer; {@link TokenVerifier} adds the claims. Immutable and
 * thread-safe if the key source is.
 */
public final class JwsVerifier {

    /** Header parameters whose presence rejects a JWS. */
    private static final Set<String> REJECTED_PARAMETERS = Set.of("crit", "b64", "zip", "enc");

    private final VerificationKeys keys;
    private final int maxTokenBytes;

    /**
     * Creates a verifier over a fixed key set.
     *
     * @param keys the verification keys, never {@code null}
     * @param maxTokenBytes the largest accepted token, checked before any decoding
     */
    public JwsVerifier(KeySet keys, int maxTokenBytes) {
        this((VerificationKeys) keys, maxTokenBytes);
    }

    /**
     * Creates a verifier over a key source that may change, such as a remote JWK set.
     *
     * @param keys the source of the verification keys, never {@code null}
     * @param maxTokenBytes the largest accepted token, checked before any decoding
     */
    public JwsVerifier(VerificationKeys keys, int maxTokenBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxTokenBytes = maxTokenBytes;
    }

    /**
     * Verifies {@code token}.
     *
     * @param token a compact JWS
     * @return the verified header, payload and key
     * @throws TokenRejectedException with the reason the token was rejected
     */
    public VerifiedJws verify(String token) throws TokenRejectedException {
        if (CompactParts.segmentCount(token, maxTokenBytes) != 3) {
            throw new TokenRejectedException(Reason.WRONG_FORM);
        }
        String[] segments = CompactParts.split(token);
        Map<String, Object> header = parseHeader(CompactParts.header(segments[0]));
        byte[] payload = CompactParts.decode(segments[1]);
        JwteeKey key = checkHeader(header);
        if (CompactParts.decode(segments[2]).length == 0) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
        checkSignature(token, key);
        return new VerifiedJws(header, payload, key);
    }

    /** Returns the key selected by the header, after checking every header rule. */
    private JwteeKey checkHeader(Map<String, Object> header) throws TokenRejectedException {
        for (String name : REJECTED_PARAMETERS) {
            if (header.containsKey(name)) {
                throw new TokenRejectedException(Reason.UNSUPPORTED_HEADER);
            }
        }
        if (!(header.get("alg") instanceof String algorithm)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (algorithm.toLowerCase(Locale.ROOT).equals("none")) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM);
        }

        Object keyId = header.get("kid");
        KeySet set = keys.current();
        Optional<JwteeKey> key = keyId == null ? set.onlyKey() : set.find(text(keyId));
        if (key.isEmpty() && keyId instanceof String unknown) {
            set = keys.refreshedFor(unknown);
            key = set.find(unknown);
        }

        // The allow-list is the algorithms of the set the key was looked up in.
        if (!set.algorithms().contains(algorithm)) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (keyId != null && !(keyId instanceof String)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (key.isEmpty()) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY);
        }
        if (!key.get().algorithm().equals(algorithm)) {
            throw new TokenRejectedException(Reason.ALGORITHM_MISMATCH);
        }
        return key.get();
    }

    /** Returns a {@code kid} header value as text, or {@code null} when it is not a string. */
    private static String text(Object keyId) {
        return keyId instanceof String value ? value : null;
    }

    private static void checkSignature(String token, JwteeKey key) throws TokenRejectedException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(
                new AlgorithmConstraints(ConstraintType.PERMIT, key.algorithm()));
        try {
            jws.setCompactSerialization(token);
            jws.setKey(key.verificationKey());
            if (!jws.verifySignature()) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE);
            }
        } catch (JoseException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
    }

    static Map<String, Object> parseHeader(String json) throws TokenRejectedException {
        try {
            Map<String, Object> header = new HashMap<>(JsonUtil.parseJson(json));
            if (header.containsValue(null)) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
            return header;
        } catch (JoseException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }
}
