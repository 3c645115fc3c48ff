package dev.jwtee.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

class JwksDocumentTest {

    private static final String SECRET = "c2VjcmV0LW9mLWF0LWxlYXN0LXRoaXJ0eS10d28tYnl0ZXMhIQ";

    @Test
    void of_mixedKeys_publishesPublicPartOfAsymmetricOnly() throws Exception {
        EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-1");
        ec.setAlgorithm("ES256");
        KeySet keys = KeySetLoader.fromJwks("{\"keys\":["
                + ec.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + ","
                + "{\"kty\":\"oct\",\"kid\":\"hmac\",\"alg\":\"HS256\",\"k\":\"" + SECRET + "\"}"
                + "]}");

        JwksDocument document = JwksDocument.of(keys, Duration.ofMinutes(5));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published =
                (List<Map<String, Object>>) JsonUtil.parseJson(document.json()).get("keys");

        assertEquals(1, published.size(), "only the EC key is published");
        assertEquals("ec-1", published.get(0).get("kid"));
        assertEquals("sig", published.get(0).get("use"));
        assertFalse(published.get(0).containsKey("d"), "no private part");
        assertFalse(document.json().contains(SECRET), "no HMAC secret");
        assertEquals("public, max-age=300", document.cacheControl());
    }

    @Test
    void matches_ownTagListOrStar_true() {
        JwksDocument document = new JwksDocument("{}", "\"abc\"", "public, max-age=0");

        assertTrue(document.matches("\"abc\""));
        assertTrue(document.matches("\"x\", W/\"abc\""));
        assertTrue(document.matches("*"));
        assertFalse(document.matches("\"abd\""));
        assertFalse(document.matches(null));
    }
}
