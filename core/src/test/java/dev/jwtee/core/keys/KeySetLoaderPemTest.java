package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.KeyFixtures.RSA;
import static dev.jwtee.core.keys.KeyFixtures.load;
import static dev.jwtee.core.keys.KeyFixtures.loadError;
import static dev.jwtee.core.keys.KeyFixtures.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jwtee.core.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys loaded from a PEM file. */
class KeySetLoaderPemTest {

    private static final KeyPair EC = KeyFixtures.generate("EC", 256);

    @TempDir
    Path dir;

    @Test
    void pem_pkcs8Rsa_derivesPublicKey() throws Exception {
        KeySet keys = loadPem(pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        assertEquals(RSA.getPublic(), keys.onlyKey().orElseThrow().verificationKey());
    }

    @Test
    void pem_pkcs8Rsa_signs() throws Exception {
        KeySet keys = loadPem(pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        assertEquals("rsa-pem", keys.signingKey().orElseThrow().keyId());
    }

    @Test
    void pem_pkcs8Rsa_tokenVerifies() throws Exception {
        KeySet keys = loadPem(pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        String token = KeyFixtures.token("RS256", "rsa-pem", RSA.getPrivate());

        assertEquals("alice", KeyFixtures.verify(keys, token).subject());
    }

    @Test
    void pem_ecPrivateWithoutPublic_rejected() throws Exception {
        ConfigurationException error = loadPemError(pem("PRIVATE KEY",
                EC.getPrivate().getEncoded()));

        assertEquals(KeySetLoader.PEM_FILE, error.key());
    }

    @Test
    void pem_ecPrivateWithoutPublic_messageExplainsFix() throws Exception {
        ConfigurationException error = loadPemError(pem("PRIVATE KEY",
                EC.getPrivate().getEncoded()));

        assertTrue(error.getMessage().contains("without its public key; append it with: openssl"
                + " pkey -in KEY.pem -pubout"), error.getMessage());
    }

    @Test
    void pem_ecPrivateAndPublic_accepted() throws Exception {
        KeySet keys = loadPem(pem("PRIVATE KEY", EC.getPrivate().getEncoded())
                + pem("PUBLIC KEY", EC.getPublic().getEncoded()));

        assertEquals("ES256", keys.signingKey().orElseThrow().algorithm());
    }

    @Test
    void pem_ecPrivateWithOtherPublic_rejected() throws Exception {
        KeyPair other = KeyFixtures.generate("EC", 256);

        String text = pem("PRIVATE KEY", EC.getPrivate().getEncoded())
                + pem("PUBLIC KEY", other.getPublic().getEncoded());

        ConfigurationException error = loadPemError(text);

        assertEquals(KeySetLoader.PEM_FILE, error.key());
    }

    @Test
    void pem_rsaPrivateWithOtherPublic_rejected() throws Exception {
        KeyPair other = KeyFixtures.generate("RSA", 2048);

        String text = pem("PRIVATE KEY", RSA.getPrivate().getEncoded())
                + pem("PUBLIC KEY", other.getPublic().getEncoded());

        ConfigurationException error = loadPemError(text);

        assertEquals(KeySetLoader.PEM_FILE, error.key());
    }

    @Test
    void pem_crlfLineEndings_accepted() throws Exception {
        String text = pem("PRIVATE KEY", RSA.getPrivate().getEncoded()).replace("\n", "\r\n");

        KeySet keys = loadPem(text);

        assertEquals("RS256", keys.onlyKey().orElseThrow().algorithm());
    }

    @Test
    void pem_publicKeyOnly_verifyOnly() throws Exception {
        KeySet keys = loadPem(pem("PUBLIC KEY", RSA.getPublic().getEncoded()));

        assertTrue(keys.signingKey().isEmpty());
    }

    @Test
    void pem_certificateOnly_verifyOnly() throws Exception {
        KeySet keys = loadPem(selfSignedCertificate());

        assertTrue(keys.signingKey().isEmpty());
    }

    @Test
    void pem_certificateOnly_verifiesWithCertificateKey() throws Exception {
        KeySet keys = loadPem(selfSignedCertificate());

        assertEquals("ES256", keys.onlyKey().orElseThrow().algorithm());
    }

    @Test
    void pem_rsaPrivateKeyBlock_rejectedWithConversionHint() throws Exception {
        ConfigurationException error = loadPemError(pem("RSA PRIVATE KEY",
                RSA.getPrivate().getEncoded()));

        assertTrue(error.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"),
                error.getMessage());
    }

    @Test
    void pem_encryptedPrivateKeyBlock_rejected() throws Exception {
        ConfigurationException error = loadPemError(pem("ENCRYPTED PRIVATE KEY",
                RSA.getPrivate().getEncoded()));

        assertEquals(KeySetLoader.PEM_FILE, error.key());
    }

    @Test
    void pem_noBlock_rejected() throws Exception {
        ConfigurationException error = loadPemError("just some text\n");

        assertTrue(error.getMessage().contains("contains no PEM key block"), error.getMessage());
    }

    @Test
    void pem_missingKid_rejected() throws Exception {
        Path file = KeyFixtures.write(dir.resolve("key.pem"),
                pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        ConfigurationException error = loadError(Map.of(KeySetLoader.PEM_FILE, file.toString()));

        assertEquals(KeySetLoader.PEM_KEY_ID, error.key());
    }

    @Test
    void pem_algorithmPs256_used() throws Exception {
        Path file = KeyFixtures.write(dir.resolve("key.pem"),
                pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        KeySet keys = load(Map.of(KeySetLoader.PEM_FILE, file.toString(),
                KeySetLoader.PEM_KEY_ID, "rsa-pem", KeySetLoader.PEM_ALGORITHM, "PS256"));

        assertEquals("PS256", keys.onlyKey().orElseThrow().algorithm());
    }

    @Test
    void pem_algorithmExcludedByAllowList_rejected() throws Exception {
        Path file = KeyFixtures.write(dir.resolve("key.pem"),
                pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));

        ConfigurationException error = loadError(Map.of(KeySetLoader.PEM_FILE, file.toString(),
                KeySetLoader.PEM_KEY_ID, "rsa-pem", KeySetLoader.ALGORITHMS, "ES256"));

        assertEquals(KeySetLoader.ALGORITHMS, error.key());
    }

    private KeySet loadPem(String text) throws IOException {
        Path file = KeyFixtures.write(dir.resolve("key.pem"), text);
        return load(Map.of(KeySetLoader.PEM_FILE, file.toString(),
                KeySetLoader.PEM_KEY_ID, "rsa-pem"));
    }

    private ConfigurationException loadPemError(String text) throws IOException {
        Path file = KeyFixtures.write(dir.resolve("key.pem"), text);
        return loadError(Map.of(KeySetLoader.PEM_FILE, file.toString(),
                KeySetLoader.PEM_KEY_ID, "rsa-pem"));
    }

    /**
     * Returns a PEM certificate made by the JDK's keytool, since the JDK has no public API that
     * creates certificates.
     */
    private String selfSignedCertificate() throws IOException, InterruptedException {
        Path keystore = dir.resolve("cert.p12");
        Path certificate = dir.resolve("cert.pem");
        run(List.of("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-alias", "test", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=jwtee test", "-validity", "2"));
        run(List.of("-exportcert", "-rfc", "-keystore", keystore.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-alias", "test", "-file",
                certificate.toString()));
        return Files.readString(certificate, StandardCharsets.US_ASCII);
    }

    private void run(List<String> arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("keytool did not finish within 60 seconds");
        }
        assertEquals(0, process.exitValue(), () -> "keytool failed: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("keytool.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
