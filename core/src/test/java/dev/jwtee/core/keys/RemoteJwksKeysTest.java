package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.RemoteFixtures.RSA;
import static dev.jwtee.core.keys.RemoteFixtures.jwks;
import static dev.jwtee.core.keys.RemoteFixtures.startError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.keys.JwksServer.Answer;
import java.security.KeyPair;
import java.util.Set;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which keys of a fetched JWK set {@link RemoteJwks} keeps, skips or rejects. */
class RemoteJwksKeysTest {

    private static final KeyPair EC = KeyFixtures.generate("EC", 256);

    private JwksServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void start_privateParts_ignored() {
        RemoteJwks keys = start(RemoteFixtures.jwksWithPrivateParts(
                KeyFixtures.jwk(RSA, "rsa-1", true)));

        assertTrue(keys.current().find("rsa-1").orElseThrow().signingKey().isEmpty());
    }

    @Test
    void start_encryptionKey_skipped() {
        PublicJsonWebKey encryption = KeyFixtures.jwk(KeyFixtures.generate("RSA", 2048),
                "rsa-enc", false);
        encryption.setUse("enc");

        RemoteJwks keys = start(jwks(KeyFixtures.jwk(RSA, "rsa-1", false), encryption));

        assertEquals(Set.of("rsa-1"), keyIds(keys));
    }

    @Test
    void start_onlyEncryptionKeys_failsNamingUrlKey() {
        PublicJsonWebKey encryption = KeyFixtures.jwk(RSA, "rsa-enc", false);
        encryption.setUse("enc");
        server = new JwksServer(Answer.ok(jwks(encryption)));

        assertEquals(RemoteJwksSettings.URL, startError(server).key());
    }

    @Test
    void start_keyOutsideAllowList_skipped() {
        server = new JwksServer(Answer.ok(jwks(KeyFixtures.jwk(RSA, "rsa-1", false),
                KeyFixtures.jwk(EC, "ec-1", false))));

        RemoteJwks keys = RemoteJwks.start(RemoteFixtures.withAlgorithms(server.url(),
                Set.of("ES256")), RemoteFixtures.clock());

        assertEquals(Set.of("ec-1"), keyIds(keys));
    }

    @Test
    void start_unsupportedAlgorithm_skipped() {
        PublicJsonWebKey legacy = KeyFixtures.jwk(KeyFixtures.generate("RSA", 2048), "rsa-old",
                false);
        legacy.setAlgorithm("RS1");

        RemoteJwks keys = start(jwks(KeyFixtures.jwk(RSA, "rsa-1", false), legacy));

        assertEquals(Set.of("rsa-1"), keyIds(keys));
    }

    @Test
    void start_ecKeyWithoutAlg_boundToCurveAlgorithm() {
        RemoteJwks keys = start(jwks(KeyFixtures.jwk(EC, "ec-1", false)));

        assertEquals("ES256", keys.current().find("ec-1").orElseThrow().algorithm());
    }

    @Test
    void start_symmetricKey_failsNamingUrlKey() {
        server = new JwksServer(Answer.ok(
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"AAAA\"}]}"));

        assertEquals(RemoteJwksSettings.URL, startError(server).key());
    }

    @Test
    void start_symmetricNextToRsa_failsSayingWhy() {
        String document = "{\"keys\":[" + jwks(KeyFixtures.jwk(RSA, "rsa-1", false))
                .replaceAll("^\\{\"keys\":\\[|\\]\\}$", "")
                + ",{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"AAAA\"}]}";
        server = new JwksServer(Answer.ok(document));

        String message = startError(server).getMessage();

        assertTrue(message.contains("an HMAC secret must never be published"), message);
    }

    @Test
    void start_keyWithoutKid_fails() {
        server = new JwksServer(Answer.ok(jwks(KeyFixtures.jwk(RSA, null, false))));

        String message = startError(server).getMessage();

        assertTrue(message.contains("has no kid"), message);
    }

    @Test
    void start_smallRsaKey_fails() {
        server = new JwksServer(Answer.ok(jwks(KeyFixtures.jwk(KeyFixtures.RSA_1024, "rsa-1",
                false))));

        String message = startError(server).getMessage();

        assertTrue(message.contains("1024 bits is too small"), message);
    }

    @Test
    void start_duplicateKid_fails() {
        server = new JwksServer(Answer.ok(jwks(KeyFixtures.jwk(RSA, "same", false),
                KeyFixtures.jwk(EC, "same", false))));

        String message = startError(server).getMessage();

        assertTrue(message.contains("duplicate kid 'same'"), message);
    }

    @Test
    void start_badJson_fails() {
        server = new JwksServer(Answer.ok("{\"keys\": [ not json"));

        String message = startError(server).getMessage();

        assertTrue(message.contains("not one JSON object"), message);
    }

    @Test
    void start_noKeysArray_fails() {
        server = new JwksServer(Answer.ok("{\"keys\": \"none\"}"));

        String message = startError(server).getMessage();

        assertTrue(message.contains("no \"keys\" array"), message);
    }

    @Test
    void start_emptySet_fails() {
        server = new JwksServer(Answer.ok("{\"keys\":[]}"));

        String message = startError(server).getMessage();

        assertTrue(message.contains("contains no signature key"), message);
    }

    @Test
    void start_keyOpsOfWrongType_fails() {
        server = new JwksServer(Answer.ok("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ec-1\","
                + "\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\",\"key_ops\":\"verify\"}]}"));

        String message = startError(server).getMessage();

        assertTrue(message.contains("key #1 is not a valid JWK"), message);
    }

    @Test
    void start_oversizedBody_fails() {
        String padding = "x".repeat(RemoteJwksSettings.MAX_BYTES);
        server = new JwksServer(Answer.ok("{\"padding\":\"" + padding + "\",\"keys\":[]}"));

        String message = startError(server).getMessage();

        assertTrue(message.contains("larger than 1048576 bytes"), message);
    }

    @Test
    void start_bodyAtLimit_read() {
        String document = RemoteFixtures.rsaJwks();
        String padding = "x".repeat(RemoteJwksSettings.MAX_BYTES - document.length()
                - "{\"padding\":\"\",".length() + 1);
        RemoteJwks keys = start("{\"padding\":\"" + padding + "\"," + document.substring(1));

        assertEquals(Set.of("rsa-1"), keyIds(keys));
    }

    private RemoteJwks start(String document) {
        server = new JwksServer(Answer.ok(document));
        return RemoteJwks.start(RemoteFixtures.settings(server.url()), RemoteFixtures.clock());
    }

    private static Set<String> keyIds(RemoteJwks keys) {
        return Set.copyOf(keys.current().keys().stream().map(JwteeKey::keyId).toList());
    }
}
