package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature keys from a PKCS#12 keystore made by the JDK's keytool. */
class Pkcs12KeysTest {

    private static final String PASSWORD = "store-password";

    @TempDir
    static Path folder;

    private static Path keystore;

    @BeforeAll
    static void createKeystore() throws Exception {
        keystore = folder.resolve("keys.p12");
        keytool("rsa-2026", "RSA", "-keysize", "2048");
        keytool("ec-2026", "EC", "-groupname", "secp256r1");
    }

    @Test
    void load_allEntries_bothKeysVerify() {
        KeySet keys = load(Map.of("jwtee.keys.signing-kid", "ec-2026"));

        assertEquals("RS256", keys.find("rsa-2026").orElseThrow().algorithm());
        assertEquals("ES256", keys.find("ec-2026").orElseThrow().algorithm());
        assertEquals("ec-2026", keys.signingKey().orElseThrow().keyId());
    }

    @Test
    void load_selectedAlias_onlyThatKey() {
        KeySet keys = load(Map.of("jwtee.keys.pkcs12-aliases", "rsa-2026"));

        assertEquals(1, keys.keys().size());
        assertTrue(keys.find("rsa-2026").isPresent());
    }

    @Test
    void load_configuredAlgorithm_bindsKeys() {
        KeySet keys = load(Map.of("jwtee.keys.pkcs12-aliases", "rsa-2026",
                "jwtee.keys.pkcs12-algorithm", "PS256"));

        assertEquals("PS256", keys.find("rsa-2026").orElseThrow().algorithm());
    }

    @Test
    void load_wrongPassword_rejectedWithoutPassword() {
        Map<String, String> values = new HashMap<>(config(Map.of()));
        values.put("jwtee.keys.pkcs12-password", "not-the-password");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> KeySetLoader.load(new ConfigReader(ConfigSources.of("test", values))));

        assertEquals("jwtee.keys.pkcs12-file", error.key());
        assertFalse(error.getMessage().contains("not-the-password"), error.getMessage());
    }

    @Test
    void load_missingPassword_rejectedNamingKey() {
        Map<String, String> values = new HashMap<>(config(Map.of()));
        values.remove("jwtee.keys.pkcs12-password");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> KeySetLoader.load(new ConfigReader(ConfigSources.of("test", values))));

        assertEquals("jwtee.keys.pkcs12-password", error.key());
    }

    @Test
    void load_unknownAlias_rejected() {
        assertThrows(ConfigurationException.class,
                () -> load(Map.of("jwtee.keys.pkcs12-aliases", "missing")));
    }

    private static KeySet load(Map<String, String> extra) {
        return KeySetLoader.load(new ConfigReader(ConfigSources.of("test", config(extra))));
    }

    private static Map<String, String> config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("jwtee.keys.pkcs12-file", keystore.toString());
        values.put("jwtee.keys.pkcs12-password", PASSWORD);
        return values;
    }

    private static void keytool(String alias, String algorithm, String... options)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", algorithm, "-dname", "CN=" + alias,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }
}
