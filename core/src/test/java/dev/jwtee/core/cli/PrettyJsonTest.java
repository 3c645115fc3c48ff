package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void format_nested_indentsTwoSpacesAndKeepsOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", 1L);
        value.put("a", List.of(true, Map.of()));
        value.put("e", List.of());

        assertEquals("{\n  \"z\": 1,\n  \"a\": [\n    true,\n    {}\n  ],\n  \"e\": []\n}",
                PrettyJson.format(value));
    }

    @Test
    void format_strings_escapeJsonSpecials() {
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t\"", PrettyJson.format("q\" b\\ n\n r\r t\t"));
    }

    @Test
    void format_controlAndFormatCharacters_areEscaped() {
        assertEquals("\"\\u001b[0m \\u007f \\u202e \\u0000\"",
                PrettyJson.format("\u001b[0m \u007f \u202e \u0000"));
    }

    @Test
    void format_nonAscii_staysReadable() {
        assertEquals("\"Zoë ✓\"", PrettyJson.format("Zoë ✓"));
    }

    @Test
    void format_nullAndNumbers_printAsJson() {
        assertEquals("[\n  null,\n  1.5,\n  -3\n]", PrettyJson.format(Arrays.asList(null, 1.5,
                -3L)));
    }
}
