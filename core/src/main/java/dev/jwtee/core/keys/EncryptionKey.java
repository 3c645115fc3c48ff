package dev.jwtee.core.keys;

import java.security.Key;
import java.util.Objects;
import java.util.Optional;

/**
 * One key for encrypted (JWE) tokens, with its identifier and the one key-management algorithm
 * it is bound to, such as {@code RSA-OAEP-256} or {@code dir}. Immutable and thread-safe;
 * {@link #toString()} never prints key material.
 */
public final class EncryptionKey {

    private final String keyId;
    private final String algorithm;
    private final Key decryptionKey;
    private final Key encryptionKey;

    EncryptionKey(String keyId, String algorithm, Key decryptionKey, Key encryptionKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.decryptionKey = decryptionKey;
        this.encryptionKey = Objects.requireNonNull(encryptionKey, "encryptionKey");
    }

    /**
     * Returns the key identifier, matched against the JWE {@code kid} header.
     *
     * @return never {@code null}
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Returns the key-management algorithm this key is bound to.
     *
     * @return never {@code null}
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Returns the key that decrypts: a private key, or the secret.
     *
     * @return the key, or empty for a public key that can only encrypt
     */
    public Optional<Key> decryptionKey() {
        return Optional.ofNullable(decryptionKey);
    }

    /**
     * Returns the key that encrypts: a public key, or the secret.
     *
     * @return never {@code null}
     */
    public Key encryptionKey() {
        return encryptionKey;
    }

    @Override
    public String toString() {
        return keyId + " (" + algorithm + (decryptionKey != null ? ", decrypts" : ", encrypts")
                + ")";
    }
}
