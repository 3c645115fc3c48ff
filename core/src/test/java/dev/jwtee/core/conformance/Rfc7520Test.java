package dev.jwtee.core.conformance;

import static dev.jwtee.core.conformance.VectorFiles.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.DecryptedJwe;
import dev.jwtee.core.token.JweDecryptor;
import dev.jwtee.core.token.JwsVerifier;
import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import dev.jwtee.core.token.VerifiedJws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 7520 ("Examples of Protecting Content Using JSON Object Signing and
 * Encryption"), from the machine-readable cookbook: every compact JWS and JWE whose algorithms
 * jwtee supports verifies or decrypts to the given content, the nested example included, and
 * each one jwtee refuses on purpose is asserted refused, with the rule in the test name.
 */
class Rfc7520Test {

    private static final int MAX_TOKEN_BYTES = 65_536;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jws/4_1.rsa_v15_signature.json",
        "jws/4_2.rsa-pss_signature.json",
        "jws/4_3.ecdsa_signature.json",
        "jws/4_4.hmac-sha2_integrity_protection.json",
        "curve25519/jws.json"
    })
    void signedExample_verifiesToPayload(String name) throws Exception {
        Map<String, Object> example = example(name);
        Map<String, Object> input = object(example.get("input"));

        VerifiedJws verified = signatureVerifier(input).verify(compact(example));

        assertEquals(input.get("payload"),
                new String(verified.payload(), StandardCharsets.UTF_8), "payload of " + name);
    }

    /** Detached content (RFC 7515 appendix F) leaves the payload out of the token. */
    @Test
    void detachedContent_rejectedAsBadSignature() {
        Map<String, Object> example = example("jws/4_5.signature_with_detached_content.json");

        assertEquals(Reason.BAD_SIGNATURE, rejection(() -> signatureVerifier(
                object(example.get("input"))).verify(compact(example))));
    }

    /**
     * RFC 7797 unencoded payloads change what is signed, and jwtee never accepts them. This
     * one fails the shape check first, because its payload is not base64url; the {@code b64}
     * header on its own is rejected in {@code VerifierHardeningTest}.
     */
    @Test
    void unencodedPayload_rejectedAsMalformed() {
        Map<String, Object> example = example("rfc7797/hmac-sha2_b64_false.json");

        assertEquals(Reason.MALFORMED, rejection(() -> signatureVerifier(
                object(example.get("input"))).verify(compact(example))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json",
        "jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json",
        "jwe/5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json",
        "jwe/5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json",
        "jwe/5_6.direct_encryption_using_aes-gcm.json",
        "jwe/5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json",
        "jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json",
        "jwe/5_9.compressed_content.json"
    })
    void encryptedExample_decryptsToPlaintext(String name) throws Exception {
        Map<String, Object> example = example(name);
        Map<String, Object> input = object(example.get("input"));

        DecryptedJwe decrypted = decryptor(input).decrypt(compact(example));

        assertEquals(input.get("plaintext"),
                new String(decrypted.plaintext(), StandardCharsets.UTF_8), "plaintext of " + name);
    }

    /** RSA1_5 key encryption is open to padding oracles, so its key does not even load. */
    @Test
    void rsa15Example_keyRejected() {
        Map<String, Object> input = object(example(
                "jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json").get("input"));

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> decryptor(input));

        assertEquals(true, error.getMessage().contains("RSA1_5"), error.getMessage());
    }

    /** X25519 key agreement is outside jwtee's ECDH-ES support, which takes NIST curves. */
    @Test
    void x25519Example_keyRejected() {
        Map<String, Object> input = object(example("curve25519/ecdh-es.json").get("input"));

        assertThrows(ConfigurationException.class, () -> decryptor(input));
    }

    /** Examples that exist only in the JSON serialization, which jwtee does not accept. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jws/4_6.protecting_specific_header_fields.json",
        "jws/4_7.protecting_content_only.json",
        "jws/4_8.multiple_signatures.json",
        "jwe/5_10.including_additional_authentication_data.json",
        "jwe/5_11.protecting_specific_header_fields.json",
        "jwe/5_12.protecting_content_only.json",
        "jwe/5_13.encrypting_to_multiple_recipients.json",
        "rfc7797/4.2.hmac-sha2_b64_false.json"
    })
    void jsonOnlyExample_rejectedAsMalformed(String name) {
        Map<String, Object> example = example(name);
        Map<String, Object> output = object(example.get("output"));
        String json = JsonUtil.toJson(object(output.get("json")));

        assertFalse(output.containsKey("compact"), name + " has a compact form after all");
        assertEquals(Reason.MALFORMED, rejection(() -> new JwsVerifier(
                KeySetLoader.fromJwks("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k\","
                        + "\"k\":\"" + "A".repeat(43) + "\"}]}"), MAX_TOKEN_BYTES).verify(json)));
    }

    /** Signed with PS256, then encrypted with RSA-OAEP and A128GCM (RFC 7520 section 6). */
    @Test
    void nestedExample_decryptsThenVerifies() throws Exception {
        Map<String, Object> example = example("6.nesting_signatures_and_encryption.json");
        Map<String, Object> sign = object(example.get("sign"));
        Map<String, Object> encrypt = object(example.get("encrypt"));

        DecryptedJwe outer = decryptor(object(encrypt.get("input")))
                .decrypt(compact(encrypt));
        VerifiedJws inner = signatureVerifier(object(sign.get("input")))
                .verify(new String(outer.plaintext(), StandardCharsets.US_ASCII));

        assertEquals("JWT", outer.header().get("cty"), "cty of the outer token");
        assertArrayEquals(((String) object(sign.get("input")).get("payload"))
                .getBytes(StandardCharsets.UTF_8), inner.payload(), "claims of the inner token");
    }

    private static Map<String, Object> example(String name) {
        Path file = VectorFiles.directory().resolve("rfc7520-cookbook").resolve(name);
        return VectorFiles.readObject(file);
    }

    private static String compact(Map<String, Object> example) {
        return (String) object(example.get("output")).get("compact");
    }

    /** Binds the example's key to the example's algorithm, as a jwtee key must be. */
    private static JwsVerifier signatureVerifier(Map<String, Object> input) {
        Map<String, Object> key = new HashMap<>(object(input.get("key")));
        key.put("alg", input.get("alg"));
        key.remove("use");
        key.putIfAbsent("kid", "example");
        KeySet keys = KeySetLoader.fromJwks(JsonUtil.toJson(Map.of("keys", List.of(key))));
        return new JwsVerifier(keys, MAX_TOKEN_BYTES);
    }

    private static JweDecryptor decryptor(Map<String, Object> input) {
        Map<String, Object> key;
        if (input.containsKey("pwd")) {
            key = new HashMap<>(Map.of("kty", "oct", "kid", "password", "k",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(((String) input
                            .get("pwd")).getBytes(StandardCharsets.UTF_8))));
        } else {
            key = new HashMap<>(object(input.get("key")));
        }
        key.put("alg", input.get("alg"));
        key.putIfAbsent("kid", "example");
        EncryptionKeySet keys = EncryptionKeyLoader.fromJwks(
                JsonUtil.toJson(Map.of("keys", List.of(key))), "example key");
        return new JweDecryptor(keys, MAX_TOKEN_BYTES);
    }

    private static Reason rejection(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TokenRejectedException.class, action).reason();
    }
}
