package dev.jwtee.core.keys;

import java.security.Key;
import java.util.List;

/**
 * Builds {@link JwteeKey} and {@link KeySet} instances directly, for tests in other packages
 * that cannot reach the package-private key constructor.
 */
public final class TestKeys {

    private TestKeys() {
    }

    /**
     * Creates a key bound to {@code algorithm}.
     *
     * @param keyId the kid
     * @param algorithm the JWS algorithm
     * @param verification the public key or HMAC secret
     * @param signing the private key or HMAC secret, or {@code null} for verify-only
     * @return the key
     */
    public static JwteeKey key(String keyId, String algorithm, Key verification, Key signing) {
        return new JwteeKey(keyId, algorithm, verification, signing);
    }

    /**
     * Creates a key set whose first key signs.
     *
     * @param keys the keys, of which the first must have a signing key
     * @return the key set
     */
    public static KeySet signedBy(JwteeKey... keys) {
        return new KeySet(List.of(keys), keys[0].keyId());
    }

    /**
     * Creates a verification-only key set.
     *
     * @param keys the keys
     * @return the key set
     */
    public static KeySet verifyOnly(JwteeKey... keys) {
        return new KeySet(List.of(keys), null);
    }
}
