package dev.jwtee.core.keys;

import java.security.Key;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * One key with its identifier and the one JWS algorithm it is bound to. A token whose
 * {@code alg} differs from the key's algorithm is rejected, so an attacker cannot switch
 * algorithms against a known key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints key material.
 */
public final class JwteeKey {

    private final String keyId;
    private final String algorithm;
    private final Key verificationKey;
    private final Key signingKey;

    JwteeKey(String keyId, String algorithm, Key verificationKey, Key signingKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.verificationKey = Objects.requireNonNull(verificationKey, "verificationKey");
        this.signingKey = signingKey;
    }

    /**
     * Returns the key identifier, written to and looked up from the {@code kid} header.
     *
     * @return never {@code null}
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Returns the JWS algorithm this key is bound to, such as {@code RS256}.
     *
     * @return never {@code null}
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Returns the key that verifies signatures: a public key, or the secret for HMAC.
     *
     * @return never {@code null}
     */
    public Key verificationKey() {
        return verificationKey;
    }

    /**
     * Returns the key that signs: a private key, or the secret for HMAC; empty for a
     * verification-only key.
     *
     * @return never {@code null}
     */
    public Optional<Key> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /**
     * Tells whether this is a symmetric (HMAC) key, which must never be published.
     *
     * @return true for a secret key
     */
    public boolean isSymmetric() {
        return verificationKey instanceof SecretKey;
    }

    /**
     * Returns the public key, for publishing in a JWKS document.
     *
     * @return the public key, or empty for an HMAC secret
     */
    public Optional<PublicKey> publicKey() {
        return verificationKey instanceof PublicKey publicKey
                ? Optional.of(publicKey) : Optional.empty();
    }

    @Override
    public String toString() {
        return keyId + " (" + algorithm + (signingKey != null ? ", signs" : ", verifies") + ")";
    }
}
