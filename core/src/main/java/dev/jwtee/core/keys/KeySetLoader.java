package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Loads the {@link KeySet} from configuration: an HMAC secret, a JWKS file, a PEM file, or a
 * combination. Every key is checked against its algorithm before the first token is seen.
 */
public final class KeySetLoader {

    /** Base64 or base64url HMAC secret of at least 256 bits. */
    public static final String HMAC_SECRET = "jwtee.keys.hmac-secret";
    /** {@code kid} of the HMAC secret. */
    public static final String HMAC_KEY_ID = "jwtee.keys.hmac-kid";
    /** Algorithm of the HMAC secret. */
    public static final String HMAC_ALGORITHM = "jwtee.keys.hmac-algorithm";
    /** Path of a JWKS file; private JWKs sign, public ones only verify. */
    public static final String JWKS_FILE = "jwtee.keys.jwks-file";
    /** Path of a PEM file with a PKCS#8 private key, an SPKI public key or a certificate. */
    public static final String PEM_FILE = "jwtee.keys.pem-file";
    /** {@code kid} of the PEM key. */
    public static final String PEM_KEY_ID = "jwtee.keys.pem-kid";
    /** Algorithm of the PEM key. */
    public static final String PEM_ALGORITHM = "jwtee.keys.pem-algorithm";
    /** {@code kid} of the key that signs new tokens. */
    public static final String SIGNING_KEY_ID = "jwtee.keys.signing-kid";
    /** Comma-separated JWS algorithm allow-list. */
    public static final String ALGORITHMS = "jwtee.algorithms";

    private KeySetLoader() {
    }

    /**
     * Loads and checks every configured key.
     *
     * @param reader the configuration
     * @return the key set
     * @throws ConfigurationException naming the key source at fault, also when no key is
     *     configured
     */
    public static KeySet load(ConfigReader reader) {
        return loadLocal(reader).orElseThrow(() -> new ConfigurationException("jwtee.keys",
                "no key configured; set " + HMAC_SECRET + ", " + JWKS_FILE + ", " + PEM_FILE
                        + " or " + Pkcs12Keys.FILE + ", or " + RemoteJwksSettings.URL
                        + " to verify tokens only"));
    }

    /**
     * Loads and checks every key configured locally, that is, not fetched from a URL.
     *
     * @param reader the configuration
     * @return the key set, or empty when no local key is configured
     * @throws ConfigurationException naming the key source at fault
     */
    public static Optional<KeySet> loadLocal(ConfigReader reader) {
        List<JwteeKey> keys = new ArrayList<>();
        hmacKey(reader).ifPresent(keys::add);
        reader.readableFile(JWKS_FILE).ifPresent(path -> keys.addAll(jwksKeys(path)));
        reader.readableFile(PEM_FILE).ifPresent(path -> keys.add(pemKey(reader, path)));
        for (Pkcs12Keys.Entry entry : Pkcs12Keys.load(reader)) {
            keys.add(checked(Pkcs12Keys.FILE, entry.alias(), entry.algorithm(),
                    entry.publicKey(), entry.privateKey()));
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        checkUniqueIds(keys);
        checkAllowList(reader, keys);
        return Optional.of(new KeySet(keys, signingKeyId(reader, keys)));
    }

    private static Optional<JwteeKey> hmacKey(ConfigReader reader) {
        Optional<String> secret = reader.string(HMAC_SECRET);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = decodeSecret(HMAC_SECRET, secret.get());
        String algorithm = reader.string(HMAC_ALGORITHM).orElse("HS256");
        if (!algorithm.startsWith("HS")) {
            throw new ConfigurationException(HMAC_ALGORITHM, "invalid value '" + algorithm
                    + "'; expected HS256, HS384 or HS512");
        }
        return Optional.of(checked(HMAC_SECRET, reader.string(HMAC_KEY_ID).orElse("hmac"),
                algorithm, new HmacKey(bytes), new HmacKey(bytes)));
    }

    /**
     * Decodes a configured secret written in base64 or base64url, with or without padding.
     * The error names {@code key} and never the value.
     */
    static byte[] decodeSecret(String key, String secret) {
        String normalized = secret.replace('-', '+').replace('_', '/').replace("=", "");
        try {
            return Base64.getDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, "not valid base64 or base64url;"
                    + " generate one with: openssl rand -base64 32");
        }
    }

    /**
     * Parses a JWK set of signature keys under the same rules as {@value #JWKS_FILE}: every
     * key needs a {@code kid}, fits its algorithm, and ids are unique. The first key with a
     * private part or secret signs when no other can.
     *
     * @param json the JWK set document
     * @return the key set
     * @throws ConfigurationException if the document or a key is unfit
     */
    public static KeySet fromJwks(String json) {
        List<JwteeKey> keys = jwksKeys(json, "the JWK set");
        checkUniqueIds(keys);
        return new KeySet(keys, keys.stream().filter(key -> key.signingKey().isPresent())
                .map(JwteeKey::keyId).findFirst().orElse(null));
    }

    private static List<JwteeKey> jwksKeys(Path path) {
        try {
            return jwksKeys(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new ConfigurationException(JWKS_FILE, "cannot read " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<JwteeKey> jwksKeys(String json, String path) {
        List<JwteeKey> keys = new ArrayList<>();
        List<JsonWebKey> jwks = JwkSetDocument.parse(json, JWKS_FILE, path);
        for (int i = 0; i < jwks.size(); i++) {
            keys.add(jwkKey("key #" + (i + 1), jwks.get(i)));
        }
        if (keys.isEmpty()) {
            throw new ConfigurationException(JWKS_FILE, path + " contains no key");
        }
        return keys;
    }

    private static JwteeKey jwkKey(String where, JsonWebKey jwk) {
        return jwkKey(JWKS_FILE, where, jwk, false);
    }

    /**
     * Applies the JWK rules: a {@code kid}, {@code use} and {@code key_ops} that allow
     * signatures, an {@code alg} or one derived from the key type, and a key that fits it.
     *
     * @param source the configuration key that errors name
     * @param where the key's position, for messages
     * @param jwk the parsed JWK
     * @param publicOnly whether to drop a private part, so the key only verifies
     * @throws ConfigurationException if the key breaks a rule
     */
    static JwteeKey jwkKey(String source, String where, JsonWebKey jwk, boolean publicOnly) {
        String keyId = jwk.getKeyId();
        if (keyId == null || keyId.isBlank()) {
            throw new ConfigurationException(source, where + " has no kid; every key needs one");
        }
        String label = where + " (kid '" + keyId + "')";
        if (jwk.getUse() != null && !jwk.getUse().equals("sig")) {
            throw new ConfigurationException(source, label + " has use '" + jwk.getUse()
                    + "'; a signing key needs use 'sig' or no use");
        }
        List<String> operations = jwk.getKeyOps();
        if (operations != null && !operations.contains("verify") && !operations.contains("sign")) {
            throw new ConfigurationException(source, label + " has key_ops " + operations
                    + " without sign or verify");
        }
        Key verification;
        Key signing;
        if (jwk instanceof OctetSequenceJsonWebKey oct) {
            verification = new HmacKey(oct.getOctetSequence());
            signing = verification;
        } else if (jwk instanceof PublicJsonWebKey publicJwk) {
            verification = publicJwk.getPublicKey();
            signing = publicJwk.getPrivateKey();
        } else {
            throw new ConfigurationException(source, label + " has unsupported key type "
                    + jwk.getKeyType());
        }
        if (publicOnly || (operations != null && !operations.contains("sign"))) {
            signing = null;
        }
        String algorithm = jwk.getAlgorithm() != null ? jwk.getAlgorithm()
                : Algorithms.defaultFor(verification).orElseThrow(() -> new ConfigurationException(
                        source, label + " has no alg and none can be derived from its type"));
        return checked(source, keyId, algorithm, verification, signing);
    }

    private static JwteeKey pemKey(ConfigReader reader, Path path) {
        PemKeyPair pair = PemKeyPair.read(PEM_FILE, path);
        String algorithm = reader.string(PEM_ALGORITHM).or(
                () -> Algorithms.defaultFor(pair.verificationKey())).orElseThrow(
                    () -> new ConfigurationException(PEM_ALGORITHM, "missing; the key type "
                            + pair.verificationKey().getAlgorithm() + " has no default"));
        String keyId = reader.string(PEM_KEY_ID).orElseThrow(() -> new ConfigurationException(
                PEM_KEY_ID, "missing; every key needs a kid, for example 'rsa-2026-12'"));
        return checked(PEM_FILE, keyId, algorithm, pair.verificationKey(),
                pair.signingKey().orElse(null));
    }

    private static JwteeKey checked(String where, String keyId, String algorithm,
            Key verification, Key signing) {
        checkKeyId(where, keyId);
        Optional<String> misfit = Algorithms.misfit(algorithm, verification);
        if (misfit.isPresent()) {
            throw new ConfigurationException(where, "key '" + keyId + "' rejected: "
                    + misfit.get());
        }
        if (signing != null && !signing.equals(verification)) {
            checkPair(where, keyId, algorithm, verification, signing);
        }
        return new JwteeKey(keyId, algorithm, verification, signing);
    }

    /**
     * Rejects a {@code kid} with control characters: it reaches log lines, and from a remote
     * key set it could forge them. The message leaves the value out for the same reason.
     */
    static void checkKeyId(String where, String keyId) {
        if (keyId.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException(where, "a key's kid contains control characters");
        }
    }

    /** Signs a probe with the private key and verifies it, so a mismatched pair fails here. */
    private static void checkPair(String where, String keyId, String algorithm,
            Key verification, Key signing) {
        try {
            JsonWebSignature probe = new JsonWebSignature();
            probe.setPayload("jwtee key pair check");
            probe.setAlgorithmHeaderValue(algorithm);
            probe.setKey(signing);
            String compact = probe.getCompactSerialization();
            JsonWebSignature check = new JsonWebSignature();
            check.setCompactSerialization(compact);
            check.setKey(verification);
            if (!check.verifySignature()) {
                throw new ConfigurationException(where, "key '" + keyId + "': the private key"
                        + " does not match the public key");
            }
        } catch (JoseException e) {
            throw new ConfigurationException(where, "key '" + keyId + "' cannot sign with "
                    + algorithm + ": " + e.getMessage(), e);
        }
    }

    private static void checkUniqueIds(List<JwteeKey> keys) {
        Set<String> seen = new HashSet<>();
        for (JwteeKey key : keys) {
            if (!seen.add(key.keyId())) {
                throw new ConfigurationException("jwtee.keys", "duplicate kid '" + key.keyId()
                        + "'; every key needs its own kid");
            }
        }
    }

    private static void checkAllowList(ConfigReader reader, List<JwteeKey> keys) {
        List<String> allowed = allowList(reader);
        if (allowed.isEmpty()) {
            return;
        }
        for (JwteeKey key : keys) {
            if (!allowed.contains(key.algorithm())) {
                throw new ConfigurationException(ALGORITHMS, "key '" + key.keyId() + "' uses "
                        + key.algorithm() + ", which the allow-list " + allowed + " excludes");
            }
        }
    }

    /** Returns the configured JWS allow-list, empty when none is set, after checking it. */
    static List<String> allowList(ConfigReader reader) {
        List<String> allowed = reader.list(ALGORITHMS);
        for (String algorithm : allowed) {
            if (!Algorithms.SUPPORTED.contains(algorithm)) {
                throw new ConfigurationException(ALGORITHMS, "unsupported algorithm '"
                        + algorithm + "'");
            }
        }
        return allowed;
    }

    private static String signingKeyId(ConfigReader reader, List<JwteeKey> keys) {
        Optional<String> configured = reader.string(SIGNING_KEY_ID);
        if (configured.isPresent()) {
            Optional<JwteeKey> key = keys.stream()
                    .filter(candidate -> candidate.keyId().equals(configured.get())).findFirst();
            if (key.isEmpty() || key.get().signingKey().isEmpty()) {
                throw new ConfigurationException(SIGNING_KEY_ID, "no key with kid '"
                        + configured.get() + "' and a private part or secret is configured");
            }
            return configured.get();
        }
        List<JwteeKey> signers = keys.stream().filter(key -> key.signingKey().isPresent())
                .toList();
        if (signers.size() > 1) {
            throw new ConfigurationException(SIGNING_KEY_ID, "missing; " + signers.size()
                    + " keys can sign, so name the one that does");
        }
        return signers.isEmpty() ? null : signers.get(0).keyId();
    }
}
