package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import dev.jwtee.core.keys.EncryptionKey;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysGenerateTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"rsa, RS256", "ec, ES256", "ed25519, EdDSA", "hmac, HS256"})
    void generate_signingType_loadsWithDefaultAlgorithm(String type, String algorithm)
            throws JoseException {
        String jwks = generateToStdout("--type", type);

        KeySet keys = KeySetLoader.fromJwks(jwks);

        JwteeKey key = keys.signingKey().orElseThrow();
        assertEquals(algorithm, key.algorithm());
        assertTrue(key.keyId().startsWith(type + "-"), key.keyId());
        assertEquals("sig", only(jwks).getUse());
    }

    @ParameterizedTest
    @CsvSource({"rsa-enc, RSA-OAEP-256", "ec-enc, ECDH-ES+A256KW", "oct-enc, A256KW"})
    void generate_encryptionType_loadsAsJweKey(String type, String algorithm)
            throws JoseException {
        String jwks = generateToStdout("--type", type);

        EncryptionKey key = EncryptionKeyLoader.fromJwks(jwks, "test").keys().iterator().next();

        assertEquals(algorithm, key.algorithm());
        assertTrue(key.decryptionKey().isPresent());
        assertEquals("enc", only(jwks).getUse());
    }

    @ParameterizedTest
    @CsvSource({"ES384, 384", "ES512, 521"})
    void generate_ecWithAlgorithm_picksCurve(String algorithm, int curveBits) {
        String jwks = generateToStdout("--type", "ec", "--alg", algorithm);

        JwteeKey key = KeySetLoader.fromJwks(jwks).keys().iterator().next();

        ECPublicKey publicKey = assertInstanceOf(ECPublicKey.class, key.verificationKey());
        assertEquals(curveBits, publicKey.getParams().getCurve().getField().getFieldSize());
        assertEquals(algorithm, key.algorithm());
    }

    @ParameterizedTest
    @CsvSource({"HS256, 256", "HS384, 384", "HS512, 512"})
    void generate_hmacWithAlgorithm_secretHasHashSize(String algorithm, int bits)
            throws JoseException {
        String jwks = generateToStdout("--type", "hmac", "--alg", algorithm);

        OctetSequenceJsonWebKey jwk = assertInstanceOf(OctetSequenceJsonWebKey.class,
                only(jwks));

        assertEquals(bits / 8, jwk.getOctetSequence().length);
        assertEquals(algorithm, jwk.getAlgorithm());
    }

    @Test
    void generate_rsaWithSize_hasThatModulus() {
        String jwks = generateToStdout("--type", "rsa", "--size", "3072");

        JwteeKey key = KeySetLoader.fromJwks(jwks).keys().iterator().next();

        RSAPublicKey publicKey = assertInstanceOf(RSAPublicKey.class, key.verificationKey());
        assertEquals(3072, publicKey.getModulus().bitLength());
    }

    @Test
    void generate_ecEncWithSize_picksCurve() throws JoseException {
        String jwks = generateToStdout("--type", "ec-enc", "--size", "384");

        assertEquals("P-384", only(jwks).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .get("crv"));
    }

    @Test
    void generate_kid_isUsed() {
        String jwks = generateToStdout("--type", "ed25519", "--kid", "signing-2026-03");

        assertTrue(KeySetLoader.fromJwks(jwks).find("signing-2026-03").isPresent());
    }

    @Test
    void generate_twice_defaultKidsDiffer() throws JoseException {
        String first = only(generateToStdout("--type", "hmac")).getKeyId();
        String second = only(generateToStdout("--type", "hmac")).getKeyId();

        assertNotEquals(first, second);
    }

    @Test
    void generate_out_writesFileAndNamesKid() {
        Path file = directory.resolve("keys.jwk");

        Result result = CliRunner.run("keys", "generate", "--type", "ec", "--kid", "ec-1",
                "--out", file.toString());

        assertEquals(0, result.status());
        assertEquals("Wrote a new ES256 key with kid 'ec-1' to " + file, result.out().strip());
        assertTrue(KeySetLoader.fromJwks(CliRunner.read(file)).find("ec-1").isPresent());
    }

    @Test
    void generate_out_fileReadableByOwnerOnly() throws IOException {
        Path file = directory.resolve("keys.jwk");

        CliRunner.run("keys", "generate", "--type", "hmac", "--out", file.toString());

        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void generate_existingOut_isNotOverwritten() throws IOException {
        Path file = Files.writeString(directory.resolve("keys.jwk"), "keep me");

        Result result = CliRunner.run("keys", "generate", "--type", "ec", "--out",
                file.toString());

        assertEquals(2, result.status());
        assertEquals("jwtee: " + file + " already exists; pass --force to replace it",
                result.err().strip());
        assertEquals("keep me", CliRunner.read(file));
    }

    @Test
    void generate_existingOutWithForce_isReplaced() throws IOException {
        Path file = Files.writeString(directory.resolve("keys.jwk"), "old");

        Result result = CliRunner.run("keys", "generate", "--type", "ec", "--kid", "new",
                "--out", file.toString(), "--force");

        assertEquals(0, result.status());
        assertTrue(KeySetLoader.fromJwks(CliRunner.read(file)).find("new").isPresent());
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void generate_stdout_printsNothingOnStandardError() {
        Result result = CliRunner.run("keys", "generate", "--type", "ec");

        assertEquals(0, result.status());
        assertEquals("", result.err());
    }

    private static String generateToStdout(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "keys";
        args[1] = "generate";
        System.arraycopy(options, 0, args, 2, options.length);
        Result result = CliRunner.run(args);
        assertEquals(0, result.status(), result.err());
        return result.out();
    }

    private static JsonWebKey only(String jwks) throws JoseException {
        List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();
        assertEquals(1, keys.size());
        return keys.get(0);
    }
}
