package dev.jwtee.core.config;

import dev.jwtee.core.keys.EncryptionKey;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings for encrypted (nested JWS-in-JWE) access tokens. Immutable.
 *
 * @param keys the JWE keys, or empty when encrypted tokens are not accepted
 * @param required whether a plain signed token is rejected
 * @param encryptingKey the key that encrypts issued tokens, or empty to issue signed tokens
 * @param contentEncryption the {@code enc} of issued tokens
 */
public record EncryptionSettings(Optional<EncryptionKeySet> keys, boolean required,
        Optional<EncryptionKey> encryptingKey, String contentEncryption) {

    static final String REQUIRED = "jwtee.encryption.required";
    static final String ENCRYPT_KEY_ID = "jwtee.encryption.encrypt-kid";
    static final String CONTENT_ENCRYPTION = "jwtee.encryption.content-encryption";

    /** Key-management algorithms that jwtee issues encrypted tokens with. */
    public static final Set<String> ISSUING_ALGORITHMS =
            Set.of("dir", "A256KW", "RSA-OAEP-256", "ECDH-ES+A256KW");

    /** Content encryptions that jwtee issues encrypted tokens with; the first is the default. */
    public static final Set<String> ISSUING_CONTENT_ENCRYPTIONS =
            Set.of("A256GCM", "A128CBC-HS256");

    /** Settings that accept and issue signed tokens only. */
    public static final EncryptionSettings NONE =
            new EncryptionSettings(Optional.empty(), false);

    /**
     * Creates settings that accept encrypted tokens but issue signed ones.
     *
     * @param keys the JWE keys, or empty
     * @param required whether a plain signed token is rejected
     */
    public EncryptionSettings(Optional<EncryptionKeySet> keys, boolean required) {
        this(keys, required, Optional.empty(), "A256GCM");
    }

    /** Rejects settings that no key can meet and algorithms jwtee does not issue. */
    public EncryptionSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(encryptingKey, "encryptingKey");
        if (required && keys.isEmpty()) {
            throw new ConfigurationException(REQUIRED, "is true, but no JWE key is configured;"
                    + " set " + EncryptionKeyLoader.JWKS_FILE + " or "
                    + EncryptionKeyLoader.SECRET);
        }
        if (!ISSUING_CONTENT_ENCRYPTIONS.contains(contentEncryption)) {
            throw new ConfigurationException(CONTENT_ENCRYPTION, "invalid value '"
                    + contentEncryption + "'; expected A256GCM or A128CBC-HS256");
        }
        encryptingKey.ifPresent(key -> {
            if (!ISSUING_ALGORITHMS.contains(key.algorithm())) {
                throw new ConfigurationException(ENCRYPT_KEY_ID, "key '" + key.keyId()
                        + "' uses " + key.algorithm() + "; issued tokens are encrypted with"
                        + " dir, A256KW, RSA-OAEP-256 or ECDH-ES+A256KW only");
            }
            byte[] secret = key.encryptionKey().getEncoded();
            if (key.algorithm().equals("dir") && (secret == null || secret.length != 32)) {
                throw new ConfigurationException(ENCRYPT_KEY_ID, "key '" + key.keyId()
                        + "' is a dir secret of " + (secret == null ? 0 : secret.length * 8)
                        + " bits, but A256GCM and A128CBC-HS256 both need 256; generate one"
                        + " with: openssl rand -base64 32");
            }
        });
    }

    static EncryptionSettings read(ConfigReader reader) {
        Optional<EncryptionKeySet> keys = EncryptionKeyLoader.load(reader);
        Optional<EncryptionKey> encrypting = reader.string(ENCRYPT_KEY_ID).map(keyId -> keys
                .flatMap(set -> set.find(keyId))
                .orElseThrow(() -> new ConfigurationException(ENCRYPT_KEY_ID, "no JWE key with"
                        + " kid '" + keyId + "' is configured in "
                        + EncryptionKeyLoader.JWKS_FILE + " or " + EncryptionKeyLoader.SECRET)));
        return new EncryptionSettings(keys, reader.bool(REQUIRED, false), encrypting,
                reader.string(CONTENT_ENCRYPTION).orElse("A256GCM"));
    }
}
