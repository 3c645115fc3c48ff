package dev.jwtee.examples.benchmarks;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.config.TokenCacheSettings;
import dev.jwtee.core.token.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * One freshly generated key of a JWS algorithm, a jwtee deployment that signs and verifies with
 * it, and one access token it issued, for the verification benchmarks. Not thread-safe; build
 * one per benchmark state.
 */
final class BenchKeys {

    static final String ISSUER = "https://bench.example.test";
    static final String KID = "bench-1";
    static final String ENCRYPTION_KID = "bench-enc";
    static final int SKEW_SECONDS = 30;
    /** 32 bytes for direct encryption with A256GCM. */
    static final byte[] JWE_SECRET = "jwtee-benchmark-dir-a256gcm-key!".getBytes(
            StandardCharsets.US_ASCII);

    /** The key that encrypts nested tokens with {@code RSA-OAEP-256}, made on first use. */
    private static RsaJsonWebKey encryptionRsa;

    final String algorithm;
    final JsonWebKey jwk;

    BenchKeys(String algorithm) {
        this.algorithm = algorithm;
        this.jwk = generate(algorithm);
        jwk.setKeyId(KID);
        jwk.setAlgorithm(algorithm);
    }

    /** Returns the key that verifies: the public key, or the HMAC secret. */
    Key verificationKey() {
        return jwk instanceof PublicJsonWebKey pair ? pair.getPublicKey() : jwk.getKey();
    }

    /** Returns the public key; only for RSA, EC and EdDSA. */
    PublicKey publicKey() {
        return ((PublicJsonWebKey) jwk).getPublicKey();
    }

    /** Returns the public JWK as JSON, for libraries that take a JWK. */
    String publicJwkJson() {
        return jwk.toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * Builds a deployment over this key with the given cache, no refresh tokens, and tokens that
     * live for a day.
     *
     * @param encrypted whether issued tokens are nested in a {@code dir} + A256GCM JWE
     */
    Jwtee jwtee(TokenCacheSettings cache, boolean encrypted) {
        return jwtee(cache, encrypted ? "dir" : null);
    }

    /**
     * Builds a deployment over this key with the given cache, no refresh tokens, and tokens that
     * live for a day.
     *
     * @param keyManagement {@code dir} or {@code RSA-OAEP-256} to nest issued tokens in a JWE
     *     with A256GCM content encryption; {@code null} for signed tokens only
     */
    Jwtee jwtee(TokenCacheSettings cache, String keyManagement) {
        Map<String, String> values = new HashMap<>();
        values.put("jwtee.issuer", ISSUER);
        values.put("jwtee.keys.jwks-file", writeJwks().toString());
        values.put("jwtee.refresh.enabled", "false");
        values.put("jwtee.access-token.lifetime", "86400");
        values.put("jwtee.clock-skew", Integer.toString(SKEW_SECONDS));
        if ("dir".equals(keyManagement)) {
            values.put("jwtee.encryption.secret",
                    Base64.getEncoder().encodeToString(JWE_SECRET));
            values.put("jwtee.encryption.encrypt-kid", "enc");
        } else if ("RSA-OAEP-256".equals(keyManagement)) {
            values.put("jwtee.encryption.jwks-file", writeJwks(encryptionRsa()).toString());
            values.put("jwtee.encryption.encrypt-kid", ENCRYPTION_KID);
        } else if (keyManagement != null) {
            throw new IllegalArgumentException("unknown key management " + keyManagement);
        }
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("benchmark", values));
        return Jwtee.builder(config.withTokenCache(cache)).build();
    }

    /** Cache settings that keep the benchmark's token for the whole run. */
    static TokenCacheSettings cacheOn() {
        return new TokenCacheSettings(10_000, Duration.ofMinutes(5));
    }

    /** Returns an issuer over the deployment's keys and encryption. */
    static TokenIssuer issuer(Jwtee jwtee) {
        JwteeConfig config = jwtee.config();
        return new TokenIssuer(config.token(), config.keys(), config.encryption(),
                Clock.systemUTC());
    }

    /** Issues a token as the token endpoint would: subject, two groups, no other claims. */
    static String token(Jwtee jwtee) {
        return issuer(jwtee).issue("alice", List.of("customer", "vip"), Map.of()).value();
    }

    /** Returns the 2048-bit RSA key pair that nested {@code RSA-OAEP-256} tokens use. */
    static synchronized RsaJsonWebKey encryptionRsa() {
        if (encryptionRsa == null) {
            try {
                encryptionRsa = RsaJwkGenerator.generateJwk(2048);
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
            encryptionRsa.setKeyId(ENCRYPTION_KID);
            encryptionRsa.setAlgorithm("RSA-OAEP-256");
        }
        return encryptionRsa;
    }

    private Path writeJwks() {
        return writeJwks(jwk);
    }

    private static Path writeJwks(JsonWebKey key) {
        try {
            Path file = Files.createTempFile("jwtee-bench-", ".jwks");
            file.toFile().deleteOnExit();
            String json = new JsonWebKeySet(key).toJson(OutputControlLevel.INCLUDE_PRIVATE);
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonWebKey generate(String algorithm) {
        try {
            return switch (algorithm) {
                case "HS256" -> OctJwkGenerator.generateJwk(256);
                case "RS256", "PS256" -> RsaJwkGenerator.generateJwk(2048);
                case "ES256" -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
                case "EdDSA" -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
                default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
            };
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
