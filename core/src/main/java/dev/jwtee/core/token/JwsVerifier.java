package dev.jwtee.core.token;

import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.VerificationKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactory;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
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
 * <p>The header of a token whose signature verified is kept, parsed, in a small map keyed by
 * its encoded segment, so that the next token with the same header skips decoding and parsing
 * it; the header rules and the key lookup still run for every token.
 *
 * <p>Checks only the signature layer; {@link TokenVerifier} adds the claims. Thread-safe if the
 * key source is.
 */
public final class JwsVerifier {

    /** Header parameters whose presence rejects a JWS. */
    private static final Set<String> REJECTED_PARAMETERS = Set.of("crit", "b64", "zip", "enc");

    /** Most parsed headers kept; the map is emptied when full, which only new keys cause. */
    private static final int MAX_HEADERS = 64;

    private static final AlgorithmFactory<JsonWebSignatureAlgorithm> ALGORITHMS =
            AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory();

    /** jose4j's default providers; never changed after construction. */
    private static final ProviderContext PROVIDERS = new ProviderContext();

    private final Map<String, Map<String, Object>> headers = new ConcurrentHashMap<>();

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
        return verifyChecked(token);
    }

    /**
     * Verifies a token whose size and characters {@link CompactParts#segmentCount} has already
     * checked and found three segments in.
     */
    VerifiedJws verifyChecked(String token) throws TokenRejectedException {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        String headerSegment = token.substring(0, first);
        Map<String, Object> known = headers.get(headerSegment);
        Map<String, Object> header = known != null ? known
                : Map.copyOf(parseHeader(headerSegment));
        byte[] payload = CompactParts.decode(token.substring(first + 1, second));
        JwteeKey key = checkHeader(header);
        byte[] signature = CompactParts.decode(token.substring(second + 1));
        if (signature.length == 0) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
        checkSignature(token, second, signature, key);
        if (known == null) {
            remember(headerSegment, header);
        }
        return new VerifiedJws(header, payload, key);
    }

    /** Keeps a header that verified; only a holder of a key can add one. */
    private void remember(String segment, Map<String, Object> header) {
        if (headers.size() >= MAX_HEADERS) {
            headers.clear();
        }
        headers.put(segment, header);
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

    /**
     * Checks the signature with jose4j's algorithm for the key's one algorithm, over the signing
     * input as sent, after jose4j's own checks of the key.
     */
    private static void checkSignature(String token, int signingInputEnd, byte[] signature,
            JwteeKey key) throws TokenRejectedException {
        byte[] signingInput = token.substring(0, signingInputEnd)
                .getBytes(StandardCharsets.US_ASCII);
        try {
            JsonWebSignatureAlgorithm algorithm = ALGORITHMS.getAlgorithm(key.algorithm());
            algorithm.validateVerificationKey(key.verificationKey());
            if (!algorithm.verifySignature(signature, key.verificationKey(), signingInput,
                    PROVIDERS)) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE);
            }
        } catch (JoseException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
    }

    /**
     * Decodes and parses a protected header segment; a member whose value is {@code null} is
     * malformed, as no header parameter allows it.
     */
    static Map<String, Object> parseHeader(String segment) throws TokenRejectedException {
        Map<String, Object> header = CompactParts.header(segment);
        if (header.containsValue(null)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return header;
    }
}
