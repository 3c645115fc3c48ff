package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.CLOCK;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaToken;
import static dev.jwtee.core.token.TokenFixtures.settings;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.EncryptionSettings;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed-then-encrypted access tokens and the JWE rules of {@link JweDecryptor}. */
class EncryptedTokenTest {

    private static final RsaJsonWebKey RSA_ENC = rsa();
    private static final EllipticCurveJsonWebKey EC_ENC = ec();
    private static final JsonWebKey AES_256 = oct(256, "A256KW");
    private static final JsonWebKey DIRECT = oct(256, "dir");

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "RSA-OAEP-256, A256GCM", "RSA-OAEP-256, A128CBC-HS256",
        "ECDH-ES+A256KW, A256GCM", "ECDH-ES+A256KW, A128CBC-HS256",
        "A256KW, A256GCM", "A256KW, A128CBC-HS256",
        "dir, A256GCM", "dir, A128CBC-HS256"
    })
    void verify_nestedToken_accepted(String algorithm, String encryption) throws Exception {
        String token = encrypt(rsaToken(validClaims()), algorithm, encryption, "JWT");

        VerifiedToken verified = verifier(false).verify(token);

        assertEquals("alice", verified.subject());
    }

    @ParameterizedTest(name = "issue with {0} and {1}")
    @CsvSource({
        "rsa-enc, A256GCM", "ec-enc, A128CBC-HS256", "oct-A256KW, A256GCM", "oct-dir, A256GCM"
    })
    void issue_encryptingKey_tokenIsNestedAndVerifies(String keyId, String encryption)
            throws Exception {
        EncryptionSettings issuing = new EncryptionSettings(Optional.of(keys()), false,
                keys().find(keyId), encryption);
        TokenIssuer issuer = new TokenIssuer(settings(Duration.ZERO), TokenFixtures.rsaKeySet(),
                issuing, CLOCK);

        String token = issuer.issue("carol", List.of("admin"), Map.of()).value();

        assertEquals(4, token.chars().filter(c -> c == '.').count(), "compact JWE");
        assertEquals("JWT", header(token).get("cty"), "cty of the outer token");
        assertEquals(encryption, header(token).get("enc"), "enc of the outer token");
        assertEquals("carol", verifier(true).verify(token).subject());
    }

    @Test
    void settings_issuingWithRsaOaep_rejected() {
        EncryptionKeySet set = EncryptionKeyLoader.fromJwks("{\"keys\":["
                + RSA_ENC.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)
                        .replace("RSA-OAEP-256", "RSA-OAEP") + "]}", "test");

        assertThrows(ConfigurationException.class, () -> new EncryptionSettings(
                Optional.of(set), false, set.find("rsa-enc"), "A256GCM"));
    }

    @Test
    void settings_issuingWithGcm128_rejected() {
        assertThrows(ConfigurationException.class, () -> new EncryptionSettings(
                Optional.of(keys()), false, keys().find("rsa-enc"), "A128GCM"));
    }

    @Test
    void verify_encryptedWithoutJweKeys_rejectsWrongForm() throws Exception {
        String token = encrypt(rsaToken(validClaims()), "A256KW", "A256GCM", "JWT");

        assertEquals(Reason.WRONG_FORM, rejection(TokenFixtures.rsaVerifier(), token));
    }

    @Test
    void verify_plainTokenWhenEncryptionRequired_rejectsWrongForm() {
        assertEquals(Reason.WRONG_FORM, rejection(verifier(true), rsaToken(validClaims())));
    }

    @Test
    void verify_plainTokenWhenEncryptionOptional_accepted() throws Exception {
        assertEquals("alice", verifier(false).verify(rsaToken(validClaims())).subject());
    }

    @Test
    void verify_missingContentType_rejectsWrongForm() throws Exception {
        String token = encrypt(rsaToken(validClaims()), "A256KW", "A256GCM", null);

        assertEquals(Reason.WRONG_FORM, rejection(verifier(false), token));
    }

    @Test
    void verify_unsignedInnerToken_rejectsUnsupportedAlgorithm() throws Exception {
        String unsigned = TokenFixtures.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "."
                + TokenFixtures.encode(validClaims().toJson()) + ".";
        String token = encrypt(unsigned, "A256KW", "A256GCM", "JWT");

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(verifier(false), token));
    }

    @Test
    void verify_innerTokenSignedByStranger_rejectsBadSignature() throws Exception {
        String foreign = TokenFixtures.sign(validClaims().toJson(), "RS256", "rsa-1", "at+jwt",
                TokenFixtures.OTHER_RSA.getPrivateKey());
        String token = encrypt(foreign, "A256KW", "A256GCM", "JWT");

        assertEquals(Reason.BAD_SIGNATURE, rejection(verifier(false), token));
    }

    @Test
    void verify_claimsEncryptedWithoutSignature_rejectsMalformed() throws Exception {
        String token = encrypt(validClaims().toJson(), "A256KW", "A256GCM", "JWT");

        assertEquals(Reason.MALFORMED, rejection(verifier(false), token));
    }

    @Test
    void verify_tamperedCiphertext_rejectsDecryptionFailed() throws Exception {
        String token = encrypt(rsaToken(validClaims()), "A256KW", "A256GCM", "JWT");
        String[] parts = token.split("\\.");
        char first = parts[3].charAt(0);
        parts[3] = (first == 'A' ? 'B' : 'A') + parts[3].substring(1);

        assertEquals(Reason.DECRYPTION_FAILED,
                rejection(verifier(false), String.join(".", parts)));
    }

    @Test
    void verify_keyAlgorithmMismatch_rejectsAlgorithmMismatch() throws Exception {
        JsonWebEncryption jwe = jwe(rsaToken(validClaims()), "A256GCMKW", "A256GCM", "JWT");
        jwe.setKey(AES_256.getKey());
        jwe.setKeyIdHeaderValue(AES_256.getKeyId());

        assertEquals(Reason.ALGORITHM_MISMATCH,
                rejection(verifier(false), jwe.getCompactSerialization()));
    }

    @Test
    void verify_rsa15Header_rejectsUnsupportedAlgorithm() throws Exception {
        JsonWebEncryption jwe = jwe(rsaToken(validClaims()), "RSA1_5", "A128CBC-HS256", "JWT");
        jwe.setKey(RSA_ENC.getPublicKey());
        jwe.setKeyIdHeaderValue(RSA_ENC.getKeyId());

        assertEquals(Reason.UNSUPPORTED_ALGORITHM,
                rejection(verifier(false), jwe.getCompactSerialization()));
    }

    @Test
    void verify_critHeader_rejectsUnsupportedHeader() throws Exception {
        JsonWebEncryption jwe = jwe(rsaToken(validClaims()), "A256KW", "A256GCM", "JWT");
        jwe.setKey(AES_256.getKey());
        jwe.setKeyIdHeaderValue(AES_256.getKeyId());
        jwe.setCriticalHeaderNames("exp");
        jwe.setHeader("exp", 1L);

        assertEquals(Reason.UNSUPPORTED_HEADER,
                rejection(verifier(false), jwe.getCompactSerialization()));
    }

    @Test
    void verify_compressedToken_accepted() throws Exception {
        JsonWebEncryption jwe = jwe(rsaToken(validClaims()), "A256KW", "A256GCM", "JWT");
        jwe.setKey(AES_256.getKey());
        jwe.setKeyIdHeaderValue(AES_256.getKeyId());
        jwe.enableDefaultCompression();

        assertEquals("alice", verifier(false).verify(jwe.getCompactSerialization()).subject());
    }

    @Test
    void decrypt_compressionBomb_rejectsTooLarge() throws Exception {
        JsonWebEncryption jwe = jwe("x".repeat(JweDecryptor.MAX_PLAINTEXT_BYTES + 1), "A256KW",
                "A256GCM", "JWT");
        jwe.setKey(AES_256.getKey());
        jwe.setKeyIdHeaderValue(AES_256.getKeyId());
        jwe.enableDefaultCompression();
        String token = jwe.getCompactSerialization();

        assertTrue(token.length() < 8192, "the compressed token fits the size limit");
        assertEquals(Reason.TOO_LARGE, assertThrows(TokenRejectedException.class,
                () -> decryptor().decrypt(token)).reason());
    }

    @ParameterizedTest(name = "p2c {0}")
    @CsvSource({"999", "1200001", "2147483648"})
    void decrypt_pbes2CountOutOfRange_rejectsUnsupportedHeader(long count) throws Exception {
        String password = "correct horse battery staple";
        JsonWebEncryption jwe = jwe("payload", "PBES2-HS256+A128KW", "A128GCM", null);
        jwe.setKey(new org.jose4j.keys.PbkdfKey(password));
        jwe.setKeyIdHeaderValue("pw");
        EncryptionKeySet keys = EncryptionKeyLoader.fromJwks(JsonUtil.toJson(Map.of("keys",
                List.of(Map.of("kty", "oct", "kid", "pw", "alg", "PBES2-HS256+A128KW", "k",
                        TokenFixtures.encode(password))))), "test");
        String token = withHeader(jwe.getCompactSerialization(), "p2c", count);

        assertEquals(Reason.UNSUPPORTED_HEADER, assertThrows(TokenRejectedException.class,
                () -> new JweDecryptor(keys, 8192).decrypt(token)).reason());
    }

    @Test
    void decrypt_ephemeralKeyOffCurve_rejectsDecryptionFailed() throws Exception {
        String token = encrypt("payload", "ECDH-ES+A256KW", "A256GCM", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> epk = new HashMap<>((Map<String, Object>) header(token).get("epk"));
        epk.put("y", TokenFixtures.encode("not the right y coordinate at all!"));
        String altered = withHeader(token, "epk", epk);

        assertEquals(Reason.DECRYPTION_FAILED, assertThrows(TokenRejectedException.class,
                () -> decryptor().decrypt(altered)).reason());
    }

    @Test
    void load_rsa15Key_rejected() {
        String jwks = "{\"keys\":[" + RSA_ENC.toJson().replace("\"RSA-OAEP-256\"", "\"RSA1_5\"")
                + "]}";

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> EncryptionKeyLoader.fromJwks(jwks, "test"));

        assertTrue(error.getMessage().contains("RSA1_5"), error.getMessage());
    }

    @Test
    void settings_requiredWithoutKeys_rejected() {
        assertThrows(ConfigurationException.class,
                () -> new EncryptionSettings(Optional.empty(), true));
    }

    private static Map<String, Object> header(String token) throws JoseException {
        String encoded = token.substring(0, token.indexOf('.'));
        return new HashMap<>(JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(encoded),
                StandardCharsets.UTF_8)));
    }

    /** Replaces one protected-header parameter, which breaks decryption but not parsing. */
    private static String withHeader(String token, String name, Object value)
            throws JoseException {
        Map<String, Object> header = header(token);
        header.put(name, value);
        return TokenFixtures.encode(JsonUtil.toJson(header)) + token.substring(token.indexOf('.'));
    }

    private static TokenVerifier verifier(boolean required) {
        return new TokenVerifier(settings(Duration.ZERO), TokenFixtures.rsaKeySet(),
                new EncryptionSettings(Optional.of(keys()), required), CLOCK);
    }

    private static JweDecryptor decryptor() {
        return new JweDecryptor(keys(), 8192);
    }

    private static EncryptionKeySet keys() {
        String jwks = "{\"keys\":[" + RSA_ENC.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)
                + "," + EC_ENC.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + ","
                + AES_256.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC) + ","
                + DIRECT.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC) + "]}";
        return EncryptionKeyLoader.fromJwks(jwks, "test");
    }

    private static String encrypt(String payload, String algorithm, String encryption,
            String contentType) throws JoseException {
        JsonWebEncryption jwe = jwe(payload, algorithm, encryption, contentType);
        JsonWebKey key = switch (algorithm) {
            case "RSA-OAEP-256" -> RSA_ENC;
            case "ECDH-ES+A256KW" -> EC_ENC;
            case "dir" -> DIRECT;
            default -> AES_256;
        };
        Key encryptionKey = key instanceof RsaJsonWebKey rsa ? rsa.getPublicKey()
                : key instanceof EllipticCurveJsonWebKey ec ? ec.getPublicKey() : key.getKey();
        jwe.setKey(encryptionKey);
        jwe.setKeyIdHeaderValue(key.getKeyId());
        return jwe.getCompactSerialization();
    }

    private static JsonWebEncryption jwe(String payload, String algorithm, String encryption,
            String contentType) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(payload);
        jwe.setAlgorithmHeaderValue(algorithm);
        jwe.setEncryptionMethodHeaderParameter(encryption);
        jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        if (contentType != null) {
            jwe.setContentTypeHeaderValue(contentType);
        }
        return jwe;
    }

    private static RsaJsonWebKey rsa() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("rsa-enc");
            key.setAlgorithm("RSA-OAEP-256");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EllipticCurveJsonWebKey ec() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("ec-enc");
            key.setAlgorithm("ECDH-ES+A256KW");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebKey oct(int bits, String algorithm) {
        JsonWebKey key = OctJwkGenerator.generateJwk(bits);
        key.setKeyId("oct-" + algorithm);
        key.setAlgorithm(algorithm);
        return key;
    }
}
