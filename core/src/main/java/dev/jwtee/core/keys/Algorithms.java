package dev.jwtee.core.keys;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.jose4j.keys.EllipticCurves;

/**
 * The JWS algorithms jwtee accepts and the rules binding each to a kind and size of key
 * (RFC 7518 section 3, RFC 8037 for EdDSA).
 */
public final class Algorithms {

    /** Every JWS algorithm jwtee can sign and verify with. {@code none} is never among them. */
    public static final Set<String> SUPPORTED = Set.of(
            "HS256", "HS384", "HS512",
            "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512",
            "EdDSA");

    /** Smallest RSA modulus accepted, in bits (RFC 7518 section 3.3). */
    public static final int MIN_RSA_BITS = 2048;

    private static final Map<String, ECParameterSpec> CURVES = Map.of(
            "ES256", EllipticCurves.P256,
            "ES384", EllipticCurves.P384,
            "ES512", EllipticCurves.P521);

    private Algorithms() {
    }

    /**
     * Checks that {@code key} fits {@code algorithm} and returns the reason when it does not.
     *
     * @param algorithm a JWS algorithm name, compared exactly
     * @param key the verification key
     * @return empty when the key fits, else a sentence saying why it does not
     */
    public static Optional<String> misfit(String algorithm, Key key) {
        if (!SUPPORTED.contains(algorithm)) {
            return Optional.of("algorithm '" + algorithm + "' is not supported; expected one of "
                    + new java.util.TreeSet<>(SUPPORTED));
        }
        if (algorithm.startsWith("HS")) {
            return hmacMisfit(algorithm, key);
        }
        if (algorithm.startsWith("RS") || algorithm.startsWith("PS")) {
            return rsaMisfit(key);
        }
        if (algorithm.startsWith("ES")) {
            return ecMisfit(algorithm, key);
        }
        return key instanceof EdECKey ? Optional.empty()
                : Optional.of("EdDSA needs an Ed25519 or Ed448 key, not " + key.getAlgorithm());
    }

    /**
     * Returns the algorithm a key is used with when its JWK or configuration names none.
     *
     * @param key a verification key
     * @return the default algorithm, or empty when none can be chosen
     */
    public static Optional<String> defaultFor(Key key) {
        if (key instanceof SecretKey) {
            return Optional.of("HS256");
        }
        if (key instanceof RSAKey) {
            return Optional.of("RS256");
        }
        if (key instanceof EdECKey) {
            return Optional.of("EdDSA");
        }
        if (key instanceof ECPublicKey ec) {
            return CURVES.entrySet().stream()
                    .filter(entry -> sameCurve(entry.getValue(), ec.getParams()))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
        return Optional.empty();
    }

    private static Optional<String> hmacMisfit(String algorithm, Key key) {
        if (!(key instanceof SecretKey)) {
            return Optional.of(algorithm + " needs a secret key, not " + key.getAlgorithm()
                    + "; a symmetric algorithm is never used with an asymmetric key");
        }
        int minBits = Integer.parseInt(algorithm.substring(2));
        byte[] encoded = key.getEncoded();
        int bits = encoded == null ? 0 : encoded.length * 8;
        if (bits < minBits) {
            return Optional.of(algorithm + " needs a secret of at least " + minBits
                    + " bits, got " + bits);
        }
        return Optional.empty();
    }

    private static Optional<String> rsaMisfit(Key key) {
        if (!(key instanceof RSAKey rsa)) {
            return Optional.of("RSA algorithms need an RSA key, not " + key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        return bits < MIN_RSA_BITS
                ? Optional.of("RSA key of " + bits + " bits is too small; expected at least "
                        + MIN_RSA_BITS)
                : Optional.empty();
    }

    private static Optional<String> ecMisfit(String algorithm, Key key) {
        if (!(key instanceof ECPublicKey ec)) {
            return Optional.of(algorithm + " needs an EC public key, not " + key.getAlgorithm());
        }
        if (!sameCurve(CURVES.get(algorithm), ec.getParams())) {
            return Optional.of(algorithm + " needs a key on curve "
                    + EllipticCurves.getName(CURVES.get(algorithm).getCurve()));
        }
        if (!isOnCurve(ec.getW(), ec.getParams().getCurve())) {
            return Optional.of("the EC public point is not on its curve");
        }
        return Optional.empty();
    }

    private static boolean sameCurve(ECParameterSpec expected, ECParameterSpec actual) {
        return expected.getCurve().equals(actual.getCurve())
                && expected.getGenerator().equals(actual.getGenerator())
                && expected.getOrder().equals(actual.getOrder());
    }

    /** Checks y^2 = x^3 + ax + b (mod p) for a point on a prime-field curve. */
    static boolean isOnCurve(ECPoint point, EllipticCurve curve) {
        if (point.equals(ECPoint.POINT_INFINITY)) {
            return false;
        }
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }
}
