package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.KeyFixtures.load;
import static dev.jwtee.core.keys.KeyFixtures.loadError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HMAC secrets, the algorithm allow-list and the empty configuration. */
class KeySetLoaderHmacTest {

    private static final String SECRET_31 = secret(31);
    private static final String SECRET_32 = secret(32);

    @Test
    void hmacSecret_31Bytes_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_31));

        assertEquals(KeySetLoader.HMAC_SECRET, error.key());
    }

    @Test
    void hmacSecret_31Bytes_messageNamesKey() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_31));

        assertTrue(error.getMessage().startsWith("jwtee.keys.hmac-secret"), error.getMessage());
    }

    @Test
    void hmacSecret_31Bytes_messageHidesSecret() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_31));

        assertFalse(error.getMessage().contains(SECRET_31), error.getMessage());
    }

    @Test
    void hmacSecret_32Bytes_accepted() {
        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32));

        assertEquals("HS256", keys.signingKey().orElseThrow().algorithm());
    }

    @Test
    void hmacSecret_32Bytes_usesDefaultKid() {
        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32));

        assertEquals("hmac", keys.signingKey().orElseThrow().keyId());
    }

    @Test
    void hmacSecret_32Bytes_decodesToSameBytes() {
        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32));

        byte[] expected = Base64.getDecoder().decode(SECRET_32);
        byte[] actual = keys.signingKey().orElseThrow().verificationKey().getEncoded();
        assertTrue(Arrays.equals(expected, actual));
    }

    @Test
    void hmacSecret_base64url_accepted() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 0xfb);
        String base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, base64url));

        assertTrue(Arrays.equals(bytes,
                keys.signingKey().orElseThrow().verificationKey().getEncoded()));
    }

    @Test
    void hmacSecret_invalidBase64_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET,
                "not*valid*base64*at*all*but*long*enough*to*be*a*secret"));

        assertEquals(KeySetLoader.HMAC_SECRET, error.key());
    }

    @Test
    void hmacSecret_invalidBase64_messageHidesSecret() {
        String secret = "sup3r!secret!value!that!is!not!base64!at!all";

        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, secret));

        assertFalse(error.getMessage().contains(secret), error.getMessage());
    }

    @Test
    void hmacSecret_hs512With32Bytes_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32,
                KeySetLoader.HMAC_ALGORITHM, "HS512"));

        assertEquals(KeySetLoader.HMAC_SECRET, error.key());
    }

    @Test
    void hmacAlgorithm_rs256_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32,
                KeySetLoader.HMAC_ALGORITHM, "RS256"));

        assertEquals(KeySetLoader.HMAC_ALGORITHM, error.key());
    }

    @Test
    void algorithms_allowListExcludesKey_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32,
                KeySetLoader.ALGORITHMS, "RS256, ES256"));

        assertEquals(KeySetLoader.ALGORITHMS, error.key());
    }

    @Test
    void algorithms_allowListIncludesKey_accepted() {
        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32,
                KeySetLoader.ALGORITHMS, "RS256, HS256"));

        assertEquals(Set.of("HS256"), keys.algorithms());
    }

    @Test
    void algorithms_allowListWithNone_rejected() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32,
                KeySetLoader.ALGORITHMS, "HS256, none"));

        assertEquals(KeySetLoader.ALGORITHMS, error.key());
    }

    @Test
    void load_noKey_rejected() {
        ConfigurationException error = loadError(Map.of("jwtee.issuer", "https://a.example"));

        assertEquals("jwtee.keys", error.key());
    }

    @Test
    void load_blankSecret_countsAsNoKey() {
        ConfigurationException error = loadError(Map.of(KeySetLoader.HMAC_SECRET, "   "));

        assertEquals("jwtee.keys", error.key());
    }

    @Test
    void keySet_toString_hidesSecret() {
        KeySet keys = load(Map.of(KeySetLoader.HMAC_SECRET, SECRET_32));

        assertFalse(keys.toString().contains(SECRET_32), keys.toString());
    }

    private static String secret(int bytes) {
        byte[] raw = "0123456789abcdefghijklmnopqrstuvwxyz".substring(0, bytes)
                .getBytes(StandardCharsets.US_ASCII);
        return Base64.getEncoder().encodeToString(raw);
    }
}
