package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.KeyFixtures.RSA;
import static dev.jwtee.core.keys.KeyFixtures.jwk;
import static dev.jwtee.core.keys.KeyFixtures.load;
import static dev.jwtee.core.keys.KeyFixtures.loadError;
import static dev.jwtee.core.keys.KeyFixtures.writeJwks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys loaded from a JWKS file. */
class KeySetLoaderJwksTest {

    private static final KeyPair EC = KeyFixtures.generate("EC", 256);
    private static final KeyPair EC_384 = KeyFixtures.generate("EC", 384);
    private static final KeyPair ED = KeyFixtures.generateEd25519();

    @TempDir
    Path dir;

    @Test
    void jwks_rsaAndEc_rsaTokenVerifies() throws Exception {
        KeySet keys = loadRsaAndEc("rsa-1");

        String token = KeyFixtures.token("RS256", "rsa-1", RSA.getPrivate());

        assertEquals("rsa-1", KeyFixtures.verify(keys, token).keyId());
    }

    @Test
    void jwks_rsaAndEc_ecTokenVerifies() throws Exception {
        KeySet keys = loadRsaAndEc("rsa-1");

        String token = KeyFixtures.token("ES256", "ec-1", EC.getPrivate());

        assertEquals("ec-1", KeyFixtures.verify(keys, token).keyId());
    }

    @Test
    void jwks_signingKid_selectsSigner() throws Exception {
        KeySet keys = loadRsaAndEc("ec-1");

        assertEquals("ec-1", keys.signingKey().orElseThrow().keyId());
    }

    @Test
    void jwks_twoPrivateKeysNoSigningKid_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", true), jwk(EC, "ec-1", true));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertEquals(KeySetLoader.SIGNING_KEY_ID, error.key());
    }

    @Test
    void jwks_onePrivateKeyNoSigningKid_signsWithIt() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", false), jwk(EC, "ec-1", true));

        KeySet keys = load(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertEquals("ec-1", keys.signingKey().orElseThrow().keyId());
    }

    @Test
    void jwks_signingKidUnknown_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", true));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString(),
                KeySetLoader.SIGNING_KEY_ID, "rsa-2"));

        assertEquals(KeySetLoader.SIGNING_KEY_ID, error.key());
    }

    @Test
    void jwks_signingKidPublicOnly_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", false));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString(),
                KeySetLoader.SIGNING_KEY_ID, "rsa-1"));

        assertEquals(KeySetLoader.SIGNING_KEY_ID, error.key());
    }

    @Test
    void jwks_publicKeysOnly_verifyOnly() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", false), jwk(EC, "ec-1", false));

        KeySet keys = load(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(keys.signingKey().isEmpty());
    }

    @Test
    void jwks_duplicateKid_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "key-1", false), jwk(EC, "key-1", false));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("duplicate kid 'key-1'"), error.getMessage());
    }

    @Test
    void jwks_kidSameAsHmacKid_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "hmac", false));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString(),
                KeySetLoader.HMAC_SECRET, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));

        assertTrue(error.getMessage().contains("duplicate kid 'hmac'"), error.getMessage());
    }

    @Test
    void jwks_missingKid_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(RSA, null, false));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().startsWith(KeySetLoader.JWKS_FILE), error.getMessage());
    }

    @Test
    void jwks_rsa1024_rejected() throws Exception {
        Path file = writeJwks(dir, jwk(KeyFixtures.RSA_1024, "rsa-small", false));

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("1024 bits is too small"), error.getMessage());
    }

    @Test
    void jwks_useEnc_rejected() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "rsa-enc", false);
        key.setUse("enc");
        Path file = writeJwks(dir, key);

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("use 'enc'"), error.getMessage());
    }

    @Test
    void jwks_useSig_accepted() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "rsa-sig", false);
        key.setUse("sig");
        Path file = writeJwks(dir, key);

        KeySet keys = load(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(keys.find("rsa-sig").isPresent());
    }

    @Test
    void jwks_keyOpsVerifyOnly_cannotSign() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "rsa-1", true);
        key.setKeyOps(List.of("verify"));
        Path file = writeJwks(dir, key);

        KeySet keys = load(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(keys.find("rsa-1").orElseThrow().signingKey().isEmpty());
    }

    @Test
    void jwks_keyOpsEncryptOnly_rejected() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "rsa-1", false);
        key.setKeyOps(List.of("encrypt"));
        Path file = writeJwks(dir, key);

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("key_ops"), error.getMessage());
    }

    @Test
    void jwks_noAlgRsa_defaultsToRs256() throws Exception {
        assertEquals("RS256", loadOne(jwk(RSA, "k", false)).algorithm());
    }

    @Test
    void jwks_noAlgEcP256_defaultsToEs256() throws Exception {
        assertEquals("ES256", loadOne(jwk(EC, "k", false)).algorithm());
    }

    @Test
    void jwks_noAlgEcP384_defaultsToEs384() throws Exception {
        assertEquals("ES384", loadOne(jwk(EC_384, "k", false)).algorithm());
    }

    @Test
    void jwks_noAlgEd25519_defaultsToEdDsa() throws Exception {
        assertEquals("EdDSA", loadOne(jwk(ED, "k", false)).algorithm());
    }

    @Test
    void jwks_algPs256_keptFromJwk() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "k", false);
        key.setAlgorithm("PS256");

        assertEquals("PS256", loadOne(key).algorithm());
    }

    @Test
    void jwks_algEs256OnRsaKey_rejected() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "k", false);
        key.setAlgorithm("ES256");
        Path file = writeJwks(dir, key);

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("needs an EC public key"), error.getMessage());
    }

    @Test
    void jwks_algHs256OnRsaKey_rejected() throws Exception {
        PublicJsonWebKey key = jwk(RSA, "k", false);
        key.setAlgorithm("HS256");
        Path file = writeJwks(dir, key);

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertTrue(error.getMessage().contains("never used with an asymmetric key"),
                error.getMessage());
    }

    @Test
    void jwks_ecPointOffCurve_rejected() throws Exception {
        Map<String, Object> params = jwk(EC, "ec-bad", false).toParams(
                PublicJsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        params.put("y", params.get("x"));
        String json = "{\"keys\":[" + JsonUtil.toJson(params) + "]}";
        Path file = KeyFixtures.write(dir.resolve("bad.jwks"), json);

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE,
                file.toString()));

        assertTrue(error.getMessage().contains("not on its curve"), error.getMessage());
    }

    @Test
    void jwks_notJson_rejected() throws Exception {
        Path file = KeyFixtures.write(dir.resolve("keys.jwks"), "not json");

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertEquals(KeySetLoader.JWKS_FILE, error.key());
    }

    @Test
    void jwks_emptySet_rejected() throws Exception {
        Path file = KeyFixtures.write(dir.resolve("keys.jwks"), "{\"keys\":[]}");

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, file.toString()));

        assertEquals(KeySetLoader.JWKS_FILE, error.key());
    }

    @Test
    void jwks_fileMissing_rejected() {
        String missing = dir.resolve("missing.jwks").toString();

        ConfigurationException error = loadError(Map.of(KeySetLoader.JWKS_FILE, missing));

        assertEquals(KeySetLoader.JWKS_FILE, error.key());
    }

    private KeySet loadRsaAndEc(String signingKid) throws Exception {
        Path file = writeJwks(dir, jwk(RSA, "rsa-1", true), jwk(EC, "ec-1", true));
        return load(Map.of(KeySetLoader.JWKS_FILE, file.toString(),
                KeySetLoader.SIGNING_KEY_ID, signingKid));
    }

    private JwteeKey loadOne(PublicJsonWebKey key) throws Exception {
        Path file = writeJwks(dir, key);
        return load(Map.of(KeySetLoader.JWKS_FILE, file.toString())).onlyKey().orElseThrow();
    }
}
