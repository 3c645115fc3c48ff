package dev.jwtee.core.cli;

import dev.jwtee.core.keys.Algorithms;
import java.security.SecureRandom;
import java.security.spec.ECParameterSpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Generates one JWK of a {@link KeyType} with jose4j, and checks the key size requested with
 * {@code --size} against the type and algorithm.
 */
final class KeyGeneration {

    /** Largest RSA modulus generated, in bits; generating one this large can take minutes. */
    static final int MAX_RSA_BITS = 16_384;

    /** Largest HMAC secret generated, in bits. */
    static final int MAX_HMAC_BITS = 4_096;

    private static final Map<String, ECParameterSpec> SIGNING_CURVES = Map.of(
            "ES256", EllipticCurves.P256, "ES384", EllipticCurves.P384,
            "ES512", EllipticCurves.P521);

    private static final Map<Long, ECParameterSpec> ENCRYPTION_CURVES = Map.of(
            256L, EllipticCurves.P256, 384L, EllipticCurves.P384, 521L, EllipticCurves.P521);

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyGeneration() {
    }

    /**
     * Generates a key with its {@code kid}, {@code alg} and {@code use} set.
     *
     * @param type the kind of key
     * @param algorithm an algorithm that {@code type} accepts
     * @param size the requested size in bits, or empty for the default
     * @param keyId the {@code kid}
     * @return the key, with its private part or secret
     * @throws UsageException if {@code size} does not fit the type and algorithm
     */
    static JsonWebKey generate(KeyType type, String algorithm, OptionalLong size, String keyId) {
        if (size.isPresent() && (type == KeyType.EC || type == KeyType.ED25519)) {
            throw new UsageException("--size does not apply to --type " + type.label()
                    + "; the curve follows --alg");
        }
        JsonWebKey jwk;
        try {
            jwk = switch (type) {
                case RSA, RSA_ENC -> RsaJwkGenerator.generateJwk((int) rsaBits(size));
                case EC -> EcJwkGenerator.generateJwk(SIGNING_CURVES.get(algorithm));
                case EC_ENC -> EcJwkGenerator.generateJwk(encryptionCurve(size));
                case ED25519 -> OkpJwkGenerator.generateJwk(
                        OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
                case HMAC -> OctJwkGenerator.generateJwk((int) hmacBits(algorithm, size));
                case OCT_ENC -> OctJwkGenerator.generateJwk((int) keyWrapBits(algorithm, size));
            };
        } catch (JoseException e) {
            throw new IllegalStateException("generating a " + type.label() + " key failed", e);
        }
        jwk.setKeyId(keyId);
        jwk.setAlgorithm(algorithm);
        jwk.setUse(type.encryption() ? "enc" : "sig");
        return jwk;
    }

    /** Returns a default {@code kid}: the type and eight random hex digits. */
    static String defaultKeyId(KeyType type) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return type.label() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static long rsaBits(OptionalLong size) {
        long bits = size.orElse(Algorithms.MIN_RSA_BITS);
        if (bits < Algorithms.MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new UsageException("--size: invalid value " + bits + " for an RSA key;"
                    + " expected " + Algorithms.MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits");
        }
        return bits;
    }

    private static ECParameterSpec encryptionCurve(OptionalLong size) {
        ECParameterSpec curve = ENCRYPTION_CURVES.get(size.orElse(256));
        if (curve == null) {
            throw new UsageException("--size: invalid value " + size.getAsLong() + " for an"
                    + " ec-enc key; expected 256, 384 or 521 bits (P-256, P-384, P-521)");
        }
        return curve;
    }

    /** HMAC secrets need at least as many bits as the hash (RFC 7518 section 3.2). */
    private static long hmacBits(String algorithm, OptionalLong size) {
        long minimum = Long.parseLong(algorithm.substring(2));
        long bits = size.orElse(minimum);
        if (bits < minimum || bits > MAX_HMAC_BITS || bits % 8 != 0) {
            throw new UsageException("--size: invalid value " + bits + " for " + algorithm
                    + "; expected a multiple of 8 from " + minimum + " to " + MAX_HMAC_BITS
                    + " bits");
        }
        return bits;
    }

    /** AES key wrap needs a key of exactly the size its name gives, such as 256 for A256KW. */
    private static long keyWrapBits(String algorithm, OptionalLong size) {
        long bits = Long.parseLong(algorithm.substring(1, 4));
        if (size.isPresent() && size.getAsLong() != bits) {
            throw new UsageException("--size: invalid value " + size.getAsLong() + " for "
                    + algorithm + "; it needs exactly " + bits + " bits");
        }
        return bits;
    }
}
