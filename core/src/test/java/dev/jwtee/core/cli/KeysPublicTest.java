package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysPublicTest {

    /** JWK members that hold private or secret key material (RFC 7518 section 6, RFC 8037). */
    private static final List<String> PRIVATE_MEMBERS =
            List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ec", "ed25519", "rsa-enc", "ec-enc"})
    void public_asymmetricKey_omitsPrivateMembers(String type) throws JoseException {
        Path file = CliRunner.generate(directory, type);

        Result result = CliRunner.run("keys", "public", "--in", file.toString());

        assertEquals(0, result.status(), result.err());
        Map<String, Object> key = onlyKey(result.out());
        for (String member : PRIVATE_MEMBERS) {
            assertFalse(key.containsKey(member), member + " in " + result.out());
        }
        assertEquals("", result.err());
    }

    @Test
    void public_signingKey_keepsKidAlgAndUse() throws JoseException {
        Path file = CliRunner.generate(directory, "ec", "--kid", "ec-1", "--alg", "ES384");

        Map<String, Object> key = onlyKey(CliRunner.run("keys", "public", "--in",
                file.toString()).out());

        assertEquals("ec-1", key.get("kid"));
        assertEquals("ES384", key.get("alg"));
        assertEquals("sig", key.get("use"));
    }

    @Test
    void public_output_verifiesAsServerKeySet() {
        Path file = CliRunner.generate(directory, "rsa", "--kid", "rsa-1");

        String published = CliRunner.run("keys", "public", "--in", file.toString()).out();
        KeySet keys = KeySetLoader.fromJwks(published);

        assertTrue(keys.find("rsa-1").isPresent());
        assertTrue(keys.signingKey().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac", "oct-enc"})
    void public_symmetricKey_isLeftOutWithNote(String type) throws JoseException {
        Path file = CliRunner.generate(directory, type, "--kid", "secret-1");
        String secret = secretOf(file);

        Result result = CliRunner.run("keys", "public", "--in", file.toString());

        assertEquals(0, result.status());
        assertEquals(List.of(), JsonUtil.parseJson(result.out()).get("keys"));
        assertEquals("jwtee: note: left out key #1 (kid 'secret-1'): it is a symmetric secret,"
                + " which is never published", result.err().strip());
        assertFalse(result.out().contains(secret));
        assertFalse(result.err().contains(secret));
    }

    @Test
    void public_mixedSet_keepsOnlyPublicKeys() throws IOException, JoseException {
        String hmac = CliRunner.read(CliRunner.generate(directory, "hmac", "--kid", "h1"));
        String ec = CliRunner.read(CliRunner.generate(directory, "ec", "--kid", "e1"));
        Path file = Files.writeString(directory.resolve("both.jwk"), "{\"keys\": ["
                + members(hmac) + ", " + members(ec) + "]}");

        Result result = CliRunner.run("keys", "public", "--in", file.toString());

        assertEquals("e1", onlyKey(result.out()).get("kid"));
        assertEquals(1, result.errLines().size());
        assertTrue(result.err().contains("kid 'h1'"), result.err());
    }

    private static Map<String, Object> onlyKey(String jwks) throws JoseException {
        List<?> keys = (List<?>) JsonUtil.parseJson(jwks).get("keys");
        assertEquals(1, keys.size(), jwks);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) keys.get(0);
        return key;
    }

    private static String secretOf(Path file) throws JoseException {
        List<?> keys = (List<?>) JsonUtil.parseJson(CliRunner.read(file)).get("keys");
        return (String) ((Map<?, ?>) keys.get(0)).get("k");
    }

    private static String members(String jwks) {
        return jwks.substring(jwks.indexOf('[') + 1, jwks.lastIndexOf(']')).strip();
    }
}
