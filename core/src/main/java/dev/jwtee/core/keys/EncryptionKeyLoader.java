package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.PbkdfKey;

/**
 * Loads the keys for encrypted (JWE) access tokens from configuration: a JWKS file, a
 * {@code dir} secret, or both. Every key is checked against its key-management algorithm.
 */
public final class EncryptionKeyLoader {

    /** Path of a JWKS file with the JWE keys. */
    public static final String JWKS_FILE = "jwtee.encryption.jwks-file";
    /** Base64 or base64url secret for direct encryption ({@code dir}). */
    public static final String SECRET = "jwtee.encryption.secret";
    /** {@code kid} of the direct-encryption secret. */
    public static final String SECRET_KEY_ID = "jwtee.encryption.secret-kid";

    private static final Set<String> KEY_OPERATIONS =
            Set.of("encrypt", "decrypt", "wrapKey", "unwrapKey", "deriveKey");

    private EncryptionKeyLoader() {
    }

    /**
     * Loads the configured JWE keys.
     *
     * @param reader the configuration
     * @return the key set, or empty when no JWE key is configured
     * @throws ConfigurationException naming the key source at fault
     */
    public static Optional<EncryptionKeySet> load(ConfigReader reader) {
        List<EncryptionKey> keys = new ArrayList<>();
        reader.string(SECRET).ifPresent(secret -> keys.add(checked(SECRET,
                reader.string(SECRET_KEY_ID).orElse("enc"), "dir",
                KeySetLoader.decodeSecret(SECRET, secret), true)));
        reader.readableFile(JWKS_FILE).ifPresent(path -> keys.addAll(fromFile(path)));
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        checkUniqueIds(keys);
        return Optional.of(new EncryptionKeySet(keys));
    }

    /**
     * Parses a JWK set of JWE keys under the same rules as the configuration.
     *
     * @param json the JWK set document
     * @param where the source named in error messages, such as a configuration key
     * @return the keys
     * @throws ConfigurationException if the document or a key is unfit
     */
    public static EncryptionKeySet fromJwks(String json, String where) {
        List<JsonWebKey> jwks = JwkSetDocument.parse(json, where, "the JWK set");
        List<EncryptionKey> keys = new ArrayList<>();
        for (int i = 0; i < jwks.size(); i++) {
            keys.add(jwkKey(where, "key #" + (i + 1), jwks.get(i)));
        }
        if (keys.isEmpty()) {
            throw new ConfigurationException(where, "contains no key");
        }
        checkUniqueIds(keys);
        return new EncryptionKeySet(keys);
    }

    private static List<EncryptionKey> fromFile(Path path) {
        try {
            return List.copyOf(fromJwks(Files.readString(path, StandardCharsets.UTF_8), JWKS_FILE)
                    .keys());
        } catch (IOException e) {
            throw new ConfigurationException(JWKS_FILE, "cannot read " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static EncryptionKey jwkKey(String where, String position, JsonWebKey jwk) {
        String keyId = jwk.getKeyId();
        if (keyId == null || keyId.isBlank()) {
            throw new ConfigurationException(where, position + " has no kid; every key needs one");
        }
        String label = position + " (kid '" + keyId + "')";
        if (jwk.getUse() != null && !jwk.getUse().equals("enc")) {
            throw new ConfigurationException(where, label + " has use '" + jwk.getUse()
                    + "'; an encryption key needs use 'enc' or no use");
        }
        List<String> operations = jwk.getKeyOps();
        if (operations != null && operations.stream().noneMatch(KEY_OPERATIONS::contains)) {
            throw new ConfigurationException(where, label + " has key_ops " + operations
                    + " without an encryption operation");
        }
        if (jwk instanceof OctetSequenceJsonWebKey oct) {
            String algorithm = jwk.getAlgorithm();
            if (algorithm != null && JweAlgorithms.CONTENT_ENCRYPTION.contains(algorithm)) {
                // A secret labelled with a content-encryption algorithm is a direct key
                // (RFC 7518 section 4.5), as in the examples of RFC 7520 section 5.6.
                algorithm = "dir";
            }
            if (algorithm == null) {
                throw new ConfigurationException(where, label + " has no alg; a secret key must"
                        + " name its key-management algorithm");
            }
            return checked(where + " " + label, keyId, algorithm, oct.getOctetSequence(), false);
        }
        if (!(jwk instanceof PublicJsonWebKey publicJwk)) {
            throw new ConfigurationException(where, label + " has unsupported key type "
                    + jwk.getKeyType());
        }
        Key publicKey = publicJwk.getPublicKey();
        String algorithm = jwk.getAlgorithm() != null ? jwk.getAlgorithm()
                : JweAlgorithms.defaultFor(publicKey).orElseThrow(() -> new ConfigurationException(
                        where, label + " has no alg and none can be derived from its type"));
        return checked(where + " " + label, keyId, algorithm, publicKey,
                publicJwk.getPrivateKey());
    }

    private static EncryptionKey checked(String where, String keyId, String algorithm,
            byte[] secret, boolean direct) {
        Key key = algorithm.startsWith("PBES2")
                ? new PbkdfKey(new String(secret, StandardCharsets.UTF_8)) : new AesKey(secret);
        if (direct && !algorithm.equals("dir")) {
            throw new IllegalStateException("a configured secret is always used with dir");
        }
        return checked(where, keyId, algorithm, key, key);
    }

    private static EncryptionKey checked(String where, String keyId, String algorithm,
            Key encryption, Key decryption) {
        KeySetLoader.checkKeyId(where, keyId);
        Optional<String> misfit = JweAlgorithms.misfit(algorithm, encryption);
        if (misfit.isPresent()) {
            throw new ConfigurationException(where, "key '" + keyId + "' rejected: "
                    + misfit.get());
        }
        return new EncryptionKey(keyId, algorithm, decryption, encryption);
    }

    private static void checkUniqueIds(List<EncryptionKey> keys) {
        Set<String> seen = new HashSet<>();
        for (EncryptionKey key : keys) {
            if (!seen.add(key.keyId())) {
                throw new ConfigurationException("jwtee.encryption", "duplicate kid '"
                        + key.keyId() + "'; every key needs its own kid");
            }
        }
    }
}
