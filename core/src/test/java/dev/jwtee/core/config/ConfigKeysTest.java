package dev.jwtee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void unknown_misspelledKey_listed() {
        assertEquals(List.of("jwtee.acces-token.lifetime"),
                ConfigKeys.unknown(List.of("jwtee.issuer", "jwtee.acces-token.lifetime")));
    }

    @Test
    void unknown_environmentNames_checked() {
        assertEquals(List.of("JWTEE_ISUER"),
                ConfigKeys.unknown(List.of("JWTEE_ISSUER", "JWTEE_ISUER", "PATH")));
    }

    @Test
    void unknown_filterRegistration_known() {
        assertEquals(List.of(), ConfigKeys.unknown(List.of(ConfigKeys.FILTER_REGISTRATION,
                "JWTEE_FILTER_REGISTRATION")));
    }

    @Test
    void unknown_otherPrefixes_ignored() {
        assertEquals(List.of(), ConfigKeys.unknown(List.of("java.home", "jwt.issuer")));
    }

    /** Keeps the README's configuration table and the code's key list the same. */
    @Test
    void known_matchesReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| `(jwtee\\.[a-z0-9.-]+)` \\|").matcher(readme);
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertEquals(new TreeSet<>(ConfigKeys.KNOWN), documented);
    }
}
