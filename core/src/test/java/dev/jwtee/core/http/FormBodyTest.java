package dev.jwtee.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void parse_plainPairs_returnsValues() {
        Map<String, List<String>> form = parse("grant_type=password&username=alice");

        assertEquals(List.of("password"), form.get("grant_type"));
        assertEquals(List.of("alice"), form.get("username"));
    }

    @Test
    void parse_percentAndPlus_decodesUtf8() {
        assertEquals(List.of("p w\u00e9"), parse("password=p+w%C3%A9").get("password"));
    }

    @Test
    void parse_repeatedName_keepsEveryValue() {
        assertEquals(List.of("a", "b"), parse("token=a&token=b").get("token"));
    }

    @Test
    void parse_nameWithoutValue_givesEmptyValue() {
        assertEquals(List.of(""), parse("token").get("token"));
    }

    @Test
    void parse_emptyPairs_ignored() {
        assertEquals(1, parse("&&token=a&").size());
    }

    @Test
    void parse_truncatedEscape_rejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> parse("refresh_token=secret%"));

        assertFalse(error.getMessage().contains("secret"), "message must not quote the value");
    }

    @Test
    void parse_badHexEscape_rejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("password=%zz"));
    }

    @Test
    void parse_invalidUtf8_rejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("password=%C0%AF"));
    }

    @Test
    void parse_tooManyParameters_rejected() {
        String body = "a=1&".repeat(FormBody.MAX_PARAMETERS + 1);

        assertThrows(IllegalArgumentException.class, () -> parse(body));
    }

    @Test
    void parse_oversizedBody_rejected() {
        byte[] body = new byte[FormBody.MAX_BYTES + 1];

        assertThrows(IllegalArgumentException.class, () -> FormBody.parse(body));
    }

    private static Map<String, List<String>> parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.US_ASCII));
    }
}
