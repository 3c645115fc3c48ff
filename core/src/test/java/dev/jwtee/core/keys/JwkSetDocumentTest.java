package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed JWK set documents fail with the configuration key, never another exception. */
class JwkSetDocumentTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"keys\":5}", "{\"keys\":[5]}", "[]", "{}", "not json",
        "{\"keys\":[{\"kty\":\"RSA\"}]}", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\"}]}",
        "{\"keys\":[{\"kty\":\"nope\"}]}", "{\"keys\":[{\"kty\":\"oct\"}]}"
    })
    void fromJwks_malformedDocument_rejectedNamingKey(String json) {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> KeySetLoader.fromJwks(json));

        assertEquals(KeySetLoader.JWKS_FILE, error.key());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"keys\":5}", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\"}]}"})
    void encryptionFromJwks_malformedDocument_rejected(String json) {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> EncryptionKeyLoader.fromJwks(json, "jwtee.encryption.jwks-file"));

        assertTrue(error.getMessage().startsWith("jwtee.encryption.jwks-file"),
                error.getMessage());
    }

    @org.junit.jupiter.api.Test
    void fromJwks_kidWithLineBreak_rejectedWithoutEchoingIt() {
        String json = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\\n[SEVERE] forged\","
                + "\"alg\":\"HS256\",\"k\":\"" + "A".repeat(43) + "\"}]}";

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> KeySetLoader.fromJwks(json));

        assertTrue(error.getMessage().contains("control characters"), error.getMessage());
        assertTrue(!error.getMessage().contains("forged"), error.getMessage());
    }
}
