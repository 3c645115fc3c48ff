package dev.jwtee.core.keys;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;

/**
 * The JWE algorithms jwtee accepts (RFC 7518 sections 4 and 5) and the kind of key each needs.
 * {@code RSA1_5} is never accepted: its padding invites oracle attacks (RFC 8725 section 3.2).
 */
public final class JweAlgorithms {

    /** Accepted key-management algorithms. */
    public static final Set<String> KEY_MANAGEMENT = Set.of(
            "dir",
            "A128KW", "A192KW", "A256KW",
            "A128GCMKW", "A192GCMKW", "A256GCMKW",
            "RSA-OAEP", "RSA-OAEP-256",
            "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW",
            "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW");

    /** Accepted content-encryption algorithms. */
    public static final Set<String> CONTENT_ENCRYPTION = Set.of(
            "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM");

    /** Smallest PBES2 iteration count accepted; RFC 7518 section 4.8.1.2 recommends 1000. */
    public static final long MIN_PBES2_COUNT = 1_000;

    /** Largest PBES2 iteration count accepted, so a token cannot demand unbounded work. */
    public static final long MAX_PBES2_COUNT = 1_200_000;

    private static final Map<String, Integer> KEY_WRAP_BYTES = Map.of(
            "A128KW", 16, "A192KW", 24, "A256KW", 32,
            "A128GCMKW", 16, "A192GCMKW", 24, "A256GCMKW", 32);

    private JweAlgorithms() {
    }

    /**
     * Checks that {@code key} fits the key-management {@code algorithm}.
     *
     * @param algorithm the key-management algorithm, compared exactly
     * @param key the key that encrypts (public key or secret)
     * @return empty when the key fits, else why it does not
     */
    public static Optional<String> misfit(String algorithm, Key key) {
        if (algorithm.equals("RSA1_5")) {
            return Optional.of("RSA1_5 is not accepted because its padding is open to oracle"
                    + " attacks; use RSA-OAEP-256");
        }
        if (!KEY_MANAGEMENT.contains(algorithm)) {
            return Optional.of("key-management algorithm '" + algorithm + "' is not supported;"
                    + " expected one of " + new TreeSet<>(KEY_MANAGEMENT));
        }
        if (algorithm.startsWith("RSA-OAEP")) {
            if (!(key instanceof RSAKey rsa)) {
                return Optional.of(algorithm + " needs an RSA key, not " + key.getAlgorithm());
            }
            return Algorithms.rsaModulusMisfit(rsa);
        }
        if (algorithm.startsWith("ECDH-ES")) {
            if (!(key instanceof ECKey)) {
                return Optional.of(algorithm + " needs an EC key, not " + key.getAlgorithm());
            }
            if (key instanceof ECPublicKey ec && !Algorithms.isOnCurve(ec.getW(),
                    ec.getParams().getCurve())) {
                return Optional.of("the EC public point is not on its curve");
            }
            return Optional.empty();
        }
        if (algorithm.startsWith("PBES2")) {
            byte[] password = key.getEncoded();
            return password == null || password.length < 8
                    ? Optional.of(algorithm + " needs a password of at least 8 bytes")
                    : Optional.empty();
        }
        if (!(key instanceof SecretKey)) {
            return Optional.of(algorithm + " needs a secret key, not " + key.getAlgorithm());
        }
        Integer expected = KEY_WRAP_BYTES.get(algorithm);
        byte[] encoded = key.getEncoded();
        int length = encoded == null ? 0 : encoded.length;
        if (expected != null && length != expected) {
            return Optional.of(algorithm + " needs a secret of exactly " + expected * 8
                    + " bits, got " + length * 8);
        }
        if (algorithm.equals("dir") && length < 16) {
            return Optional.of("dir needs a secret of at least 128 bits, got " + length * 8);
        }
        return Optional.empty();
    }

    /**
     * Returns the key-management algorithm used when a key names none.
     *
     * @param key the key that encrypts
     * @return the default, or empty when none can be chosen
     */
    public static Optional<String> defaultFor(Key key) {
        if (key instanceof RSAKey) {
            return Optional.of("RSA-OAEP-256");
        }
        if (key instanceof ECKey) {
            return Optional.of("ECDH-ES+A256KW");
        }
        return Optional.empty();
    }
}
