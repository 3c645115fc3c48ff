package dev.jwtee.core.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Finds the public JOSE test vectors. The folder comes in as system property
 * {@value #PROPERTY}; without it the conformance tests are skipped with a message, and with a
 * folder that does not exist they fail, so a misconfigured CI run cannot pass silently.
 */
final class VectorFiles {

    static final String PROPERTY = "jwtee.vectors.dir";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private VectorFiles() {
    }

    /** Returns the vector folder, or skips the calling test when the property is not set. */
    static Path directory() {
        String value = System.getProperty(PROPERTY, "");
        String skipped = "Conformance vectors SKIPPED: system property " + PROPERTY
                + " is not set. Run mvn verify -D" + PROPERTY + "=DIR with the folder that holds"
                + " wycheproof/ and rfc7520-cookbook/.";
        if (value.isBlank() && WARNED.compareAndSet(false, true)) {
            System.out.println("[jwtee] " + skipped);
        }
        assumeTrue(!value.isBlank(), skipped);
        Path directory = Path.of(value);
        assertTrue(Files.isDirectory(directory), PROPERTY + " names a missing folder: "
                + directory.toAbsolutePath());
        return directory;
    }

    static Map<String, Object> readObject(Path file) {
        try {
            return JsonUtil.parseJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot read vector file " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** Wraps a single JWK into a JWK set document; a set stays as it is. */
    static String jwkSet(Object keyOrSet) {
        Map<String, Object> key = object(keyOrSet);
        if (key.containsKey("keys")) {
            return JsonUtil.toJson(key);
        }
        return JsonUtil.toJson(Map.of("keys", List.of(key)));
    }
}
