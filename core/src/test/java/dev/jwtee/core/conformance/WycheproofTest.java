package dev.jwtee.core.conformance;

import static dev.jwtee.core.conformance.VectorFiles.jwkSet;
import static dev.jwtee.core.conformance.VectorFiles.list;
import static dev.jwtee.core.conformance.VectorFiles.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.DecryptedJwe;
import dev.jwtee.core.token.JweDecryptor;
import dev.jwtee.core.token.JwsVerifier;
import dev.jwtee.core.token.TokenRejectedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every test of Project Wycheproof's JOSE vector files through jwtee's verifier and
 * decryptor and asserts the labelled outcome: {@code valid} must be accepted, {@code invalid}
 * rejected, {@code acceptable} may go either way. Where jwtee's stricter rules overrule a label,
 * {@link #OVERRULED} names the tcId and the rule, and the test asserts that the outcome indeed
 * differs from the label. Counts per file are printed at the end.
 */
class WycheproofTest {

    /** Token size limit for vectors, larger than production so that no vector is cut short. */
    private static final int MAX_TOKEN_BYTES = 65_536;

    private static final String ALGORITHM_BOUND_TO_KEY =
            "a key is bound to one algorithm and the token's alg must equal it (RFC 8725 3.1)";
    private static final String NO_RSA1_5 =
            "RSA1_5 is never accepted, for its padding oracle (RFC 8725 section 3.2)";
    private static final String MIXED_SET_UNAMBIGUOUS = "each key is bound to one algorithm, so"
            + " a set of HMAC and public keys is unambiguous; jwtee allows it so that a"
            + " deployment can move between key types";

    /** Labels that jwtee overrules, per file, with the rule that decides. */
    private static final Map<String, Map<Integer, String>> OVERRULED = Map.of(
            "json_web_signature_test.json", Map.of(
                    346, ALGORITHM_BOUND_TO_KEY + ": a PS256 key signs a PS384 token",
                    350, ALGORITHM_BOUND_TO_KEY + ": a PS256 key signs a PS384 token",
                    347, ALGORITHM_BOUND_TO_KEY + ": the key's alg ES521 does not exist",
                    351, ALGORITHM_BOUND_TO_KEY + ": the key's alg ES521 does not exist",
                    367, "the token is byte-identical to tcId 357, which is labelled valid",
                    370, "the token is byte-identical to tcId 357, which is labelled valid",
                    372, "RFC 7515 allows only base64url characters, and the token has a '?'",
                    373, "RFC 7515 allows only base64url characters, and the token has a '?'"),
            "json_web_encryption_test.json", Map.of(
                    100, NO_RSA1_5, 101, NO_RSA1_5, 102, NO_RSA1_5, 103, NO_RSA1_5,
                    104, NO_RSA1_5, 105, NO_RSA1_5, 112, NO_RSA1_5, 128, NO_RSA1_5),
            "json_web_key_test.json", Map.of(1, MIXED_SET_UNAMBIGUOUS),
            "json_web_crypto_test.json", Map.of(47, MIXED_SET_UNAMBIGUOUS));

    private static final Map<String, Tally> TALLIES = new LinkedHashMap<>();

    @AfterAll
    static void printCounts() {
        TALLIES.values().forEach(tally -> System.out.println("Wycheproof " + tally.summary()));
    }

    @TestFactory
    Stream<DynamicTest> signatureVectors() {
        return vectors("json_web_signature_test.json");
    }

    @TestFactory
    Stream<DynamicTest> encryptionVectors() {
        return vectors("json_web_encryption_test.json");
    }

    @TestFactory
    Stream<DynamicTest> keyVectors() {
        return vectors("json_web_key_test.json");
    }

    @TestFactory
    Stream<DynamicTest> cryptoVectors() {
        return vectors("json_web_crypto_test.json");
    }

    private Stream<DynamicTest> vectors(String fileName) {
        Path file = VectorFiles.directory().resolve("wycheproof").resolve(fileName);
        Map<String, Object> document = VectorFiles.readObject(file);
        Tally tally = TALLIES.computeIfAbsent(fileName, Tally::new);
        Map<Integer, String> overruled = OVERRULED.get(fileName);
        List<DynamicTest> tests = new ArrayList<>();
        for (Object groupValue : list(document.get("testGroups"))) {
            Map<String, Object> group = object(groupValue);
            for (Object testValue : list(group.get("tests"))) {
                Map<String, Object> test = object(testValue);
                int id = ((Long) test.get("tcId")).intValue();
                String name = "tcId " + id + " " + test.get("comment") + " (" + test.get("result")
                        + ")";
                tests.add(DynamicTest.dynamicTest(name,
                        () -> check(group, test, overruled.get(id), tally)));
            }
        }
        return tests.stream();
    }

    private static void check(Map<String, Object> group, Map<String, Object> test,
            String overrulingRule, Tally tally) throws Exception {
        Object token = test.containsKey("jwe") ? test.get("jwe") : test.get("jws");
        boolean encrypted = token instanceof String text
                && text.chars().filter(c -> c == '.').count() == 4;
        boolean accepted = encrypted ? decrypts(group, test, (String) token)
                : verifies(group, token);
        String label = (String) test.get("result");
        tally.record(accepted, overrulingRule != null);
        if (overrulingRule != null) {
            assertNotEquals(label.equals("valid"), accepted, "tcId " + test.get("tcId")
                    + " is listed as overruled (" + overrulingRule + ") but follows its label");
            return;
        }
        if (!label.equals("acceptable")) {
            assertEquals(label.equals("valid"), accepted, "outcome of tcId " + test.get("tcId")
                    + " labelled " + label + " with flags " + test.get("flags"));
        }
    }

    private static boolean verifies(Map<String, Object> group, Object jws) {
        if (!(jws instanceof String token)) {
            return false;
        }
        KeySet keys;
        try {
            keys = KeySetLoader.fromJwks(jwkSet(group.getOrDefault("public",
                    group.get("private"))));
        } catch (ConfigurationException e) {
            return false;
        }
        try {
            new JwsVerifier(keys, MAX_TOKEN_BYTES).verify(token);
            return true;
        } catch (TokenRejectedException e) {
            return false;
        }
    }

    private static boolean decrypts(Map<String, Object> group, Map<String, Object> test,
            String token) {
        EncryptionKeySet keys;
        try {
            keys = EncryptionKeyLoader.fromJwks(jwkSet(group.get("private")), "vector key");
        } catch (ConfigurationException e) {
            return false;
        }
        DecryptedJwe decrypted;
        try {
            decrypted = new JweDecryptor(keys, MAX_TOKEN_BYTES).decrypt(token);
        } catch (TokenRejectedException e) {
            return false;
        }
        if (test.get("pt") instanceof String expected) {
            assertArrayEquals(HexFormat.of().parseHex(expected), decrypted.plaintext(),
                    "plaintext of tcId " + test.get("tcId"));
        }
        return true;
    }
}
