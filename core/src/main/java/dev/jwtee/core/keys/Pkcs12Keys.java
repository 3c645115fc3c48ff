package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads signature keys from a PKCS#12 keystore: each private-key entry becomes a key whose
 * {@code kid} is its alias, with the public key taken from the entry's certificate.
 */
final class Pkcs12Keys {

    /** Path of a PKCS#12 keystore. */
    static final String FILE = "jwtee.keys.pkcs12-file";
    /** Password of the keystore and its entries; best set in the environment. */
    static final String PASSWORD = "jwtee.keys.pkcs12-password";
    /** Comma-separated aliases to load; all private-key entries when absent. */
    static final String ALIASES = "jwtee.keys.pkcs12-aliases";
    /** Algorithm of the loaded keys; by key type when absent. */
    static final String ALGORITHM = "jwtee.keys.pkcs12-algorithm";

    private Pkcs12Keys() {
    }

    /** Returns the keys as (alias, algorithm, public key, private key) tuples. */
    static List<Entry> load(ConfigReader reader) {
        Optional<Path> file = reader.readableFile(FILE);
        if (file.isEmpty()) {
            return List.of();
        }
        char[] password = reader.string(PASSWORD).map(String::toCharArray)
                .orElseThrow(() -> new ConfigurationException(PASSWORD, "missing; set it in the"
                        + " environment as JWTEE_KEYS_PKCS12_PASSWORD"));
        KeyStore store = open(file.get(), password);
        List<String> aliases = reader.list(ALIASES);
        try {
            List<String> selected = aliases.isEmpty() ? privateKeyAliases(store) : aliases;
            List<Entry> entries = new ArrayList<>();
            for (String alias : selected) {
                entries.add(entry(store, alias, password, reader.string(ALGORITHM)));
            }
            if (entries.isEmpty()) {
                throw new ConfigurationException(FILE, file.get() + " contains no private-key"
                        + " entry");
            }
            return entries;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(FILE, "cannot read the keys of " + file.get()
                    + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore open(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(FILE, "cannot open " + file + " as PKCS#12 with"
                    + " the configured password: " + e.getMessage(), e);
        }
    }

    private static List<String> privateKeyAliases(KeyStore store) throws GeneralSecurityException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                aliases.add(alias);
            }
        }
        Collections.sort(aliases);
        return aliases;
    }

    private static Entry entry(KeyStore store, String alias, char[] password,
            Optional<String> algorithm) throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        Certificate certificate = store.getCertificate(alias);
        if (!(key instanceof PrivateKey privateKey) || certificate == null) {
            throw new ConfigurationException(ALIASES, "alias '" + alias + "' is not a private"
                    + " key with a certificate");
        }
        Key publicKey = certificate.getPublicKey();
        String chosen = algorithm.or(() -> Algorithms.defaultFor(publicKey)).orElseThrow(
                () -> new ConfigurationException(ALGORITHM, "missing; the key type "
                        + publicKey.getAlgorithm() + " of alias '" + alias + "' has no default"));
        return new Entry(alias, chosen, publicKey, privateKey);
    }

    /** One key read from the keystore. */
    record Entry(String alias, String algorithm, Key publicKey, PrivateKey privateKey) {
    }
}
