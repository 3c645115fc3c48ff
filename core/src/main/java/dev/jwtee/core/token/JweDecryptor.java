package dev.jwtee.core.token;

import dev.jwtee.core.keys.Algorithms;
import dev.jwtee.core.keys.EncryptionKey;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.keys.JweAlgorithms;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Decrypts compact JWE tokens (RFC 7516) under strict rules before and around jose4j: canonical
 * base64url and strict JSON as for signatures; {@code alg} and {@code enc} from fixed
 * allow-lists, never {@code RSA1_5}; the key found by {@code kid} alone and bound to one
 * key-management algorithm; no {@code crit}; {@code zip} only as {@code DEF}, with the
 * decompressed plaintext capped; a PBES2 iteration count within
 * [{@value JweAlgorithms#MIN_PBES2_COUNT}, {@value JweAlgorithms#MAX_PBES2_COUNT}] checked
 * before any key derivation; an ECDH-ES ephemeral key on the recipient key's curve.
 *
 * <p>Immutable and thread-safe.
 */
public final class JweDecryptor {

    /** Largest plaintext accepted after decompression, in bytes. */
    public static final int MAX_PLAINTEXT_BYTES = 65_536;

    private final EncryptionKeySet keys;
    private final int maxTokenBytes;

    /**
     * Creates a decryptor.
     *
     * @param keys the decryption keys
     * @param maxTokenBytes the largest accepted token, checked before any decoding
     */
    public JweDecryptor(EncryptionKeySet keys, int maxTokenBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxTokenBytes = maxTokenBytes;
    }

    /**
     * Decrypts {@code token}.
     *
     * @param token a compact JWE
     * @return the protected header and the plaintext
     * @throws TokenRejectedException with the reason the token was rejected
     */
    public DecryptedJwe decrypt(String token) throws TokenRejectedException {
        if (CompactParts.segmentCount(token, maxTokenBytes) != 5) {
            throw new TokenRejectedException(Reason.WRONG_FORM);
        }
        String[] segments = CompactParts.split(token);
        Map<String, Object> header = JwsVerifier.parseHeader(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            byte[] part = CompactParts.decode(segments[i]);
            if (part.length == 0 && i != 1) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
        }
        EncryptionKey key = checkHeader(header);
        byte[] plaintext = decryptWithJose4j(token, key, (String) header.get("enc"));
        if (plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new TokenRejectedException(Reason.TOO_LARGE);
        }
        return new DecryptedJwe(header, plaintext, key);
    }

    private EncryptionKey checkHeader(Map<String, Object> header) throws TokenRejectedException {
        if (header.containsKey("crit") || header.containsKey("b64")) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_HEADER);
        }
        if (!(header.get("alg") instanceof String algorithm)
                || !(header.get("enc") instanceof String encryption)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (!JweAlgorithms.KEY_MANAGEMENT.contains(algorithm)
                || !JweAlgorithms.CONTENT_ENCRYPTION.contains(encryption)) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM);
        }
        Object zip = header.get("zip");
        if (zip != null && !"DEF".equals(zip)) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_HEADER);
        }
        if (algorithm.startsWith("PBES2")) {
            checkIterationCount(header.get("p2c"));
        }
        Object keyId = header.get("kid");
        if (keyId != null && !(keyId instanceof String)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        Optional<EncryptionKey> key = keyId == null ? keys.onlyKey() : keys.find((String) keyId);
        if (key.isEmpty() || key.get().decryptionKey().isEmpty()) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY);
        }
        if (!key.get().algorithm().equals(algorithm)) {
            throw new TokenRejectedException(Reason.ALGORITHM_MISMATCH);
        }
        if (algorithm.startsWith("ECDH-ES")) {
            checkEphemeralKey(header.get("epk"), key.get().decryptionKey().get());
        }
        return key.get();
    }

    private static void checkIterationCount(Object count) throws TokenRejectedException {
        if (!(count instanceof Long iterations) || iterations < JweAlgorithms.MIN_PBES2_COUNT
                || iterations > JweAlgorithms.MAX_PBES2_COUNT) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_HEADER);
        }
    }

    /** Rejects an ephemeral key on another curve or off its curve (invalid-curve attacks). */
    private static void checkEphemeralKey(Object epk, Key privateKey)
            throws TokenRejectedException {
        if (!(epk instanceof Map<?, ?> parameters)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        ECPublicKey ephemeral;
        try {
            @SuppressWarnings("unchecked")
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(
                    (Map<String, Object>) parameters);
            if (!(jwk.getPublicKey() instanceof ECPublicKey ec)) {
                throw new TokenRejectedException(Reason.DECRYPTION_FAILED);
            }
            ephemeral = ec;
        } catch (JoseException | RuntimeException e) {
            throw new TokenRejectedException(Reason.DECRYPTION_FAILED);
        }
        if (!(privateKey instanceof ECPrivateKey recipient)
                || !recipient.getParams().getCurve().equals(ephemeral.getParams().getCurve())
                || !Algorithms.isOnCurve(ephemeral.getW(),
                        ephemeral.getParams().getCurve())) {
            throw new TokenRejectedException(Reason.DECRYPTION_FAILED);
        }
    }

    private static byte[] decryptWithJose4j(String token, EncryptionKey key, String encryption)
            throws TokenRejectedException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(
                new AlgorithmConstraints(ConstraintType.PERMIT, key.algorithm()));
        jwe.setContentEncryptionAlgorithmConstraints(
                new AlgorithmConstraints(ConstraintType.PERMIT, encryption));
        try {
            jwe.setCompactSerialization(token);
            jwe.setKey(key.decryptionKey().orElseThrow());
            return jwe.getPlaintextBytes();
        } catch (JoseException | RuntimeException e) {
            // Hostile ciphertexts can make providers throw unchecked exceptions as well; every
            // failure here means the token cannot be decrypted, and none may reach the caller.
            throw new TokenRejectedException(Reason.DECRYPTION_FAILED);
        }
    }
}
