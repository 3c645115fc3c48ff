package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.token.TokenVerifier;
import dev.jwtee.core.token.VerifiedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Key material, key files and a verifier for the key-loading tests. */
final class KeyFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://auth.example.test";

    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair RSA_1024 = generate("RSA", 1024);

    private KeyFixtures() {
    }

    static KeySet load(Map<String, String> values) {
        return KeySetLoader.load(new ConfigReader(ConfigSources.of("test", values)));
    }

    static ConfigurationException loadError(Map<String, String> values) {
        return assertThrows(ConfigurationException.class, () -> load(values));
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generateEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a JWK with {@code kid}, including the private key if {@code withPrivate}. */
    static PublicJsonWebKey jwk(KeyPair pair, String kid, boolean withPrivate) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            if (withPrivate) {
                jwk.setPrivateKey(pair.getPrivate());
            }
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writeJwks(Path dir, JsonWebKey... keys) throws IOException {
        String json = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        return write(dir.resolve("keys.jwks"), json);
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    /** Returns one PEM block of {@code der} with 64-character base64 lines. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Returns a verifier for issuer {@link #ISSUER} over {@code keys}, with no clock skew. */
    static TokenVerifier verifier(KeySet keys) {
        TokenSettings settings = new TokenSettings(ISSUER, ISSUER, Duration.ofMinutes(15),
                Duration.ZERO, 8192, Set.of("at+jwt"));
        return new TokenVerifier(settings, keys, CLOCK);
    }

    /** Signs a valid access token for subject alice. */
    static String token(String algorithm, String kid, Key signingKey) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(ISSUER);
        claims.setSubject("alice");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 60));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "at+jwt");
        jws.setKey(signingKey);
        return jws.getCompactSerialization();
    }

    static VerifiedToken verify(KeySet keys, String token) throws Exception {
        return verifier(keys).verify(token);
    }
}
