package dev.jwtee.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwtee.core.http.BearerHeader.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerHeaderTest {

    @Test
    void parse_noHeader_absent() {
        assertEquals(Kind.ABSENT, BearerHeader.parse(List.of()).kind());
    }

    @Test
    void parse_basicScheme_absent() {
        assertEquals(Kind.ABSENT, BearerHeader.parse(List.of("Basic YWxpY2U6c2VjcmV0")).kind());
    }

    @Test
    void parse_bearerAlone_malformed() {
        assertEquals(Kind.MALFORMED, BearerHeader.parse(List.of("Bearer")).kind());
    }

    @Test
    void parse_bearerAndSpace_malformed() {
        assertEquals(Kind.MALFORMED, BearerHeader.parse(List.of("Bearer ")).kind());
    }

    @Test
    void parse_lowerCaseScheme_token() {
        BearerHeader header = BearerHeader.parse(List.of("bearer abc"));

        assertEquals(Kind.TOKEN, header.kind());
        assertEquals("abc", header.token());
    }

    @Test
    void parse_jwt_token() {
        BearerHeader header = BearerHeader.parse(List.of("Bearer eyJh.eyJz.c2ln"));

        assertEquals("eyJh.eyJz.c2ln", header.token());
    }

    @Test
    void parse_twoHeaders_malformed() {
        assertEquals(Kind.MALFORMED,
                BearerHeader.parse(List.of("Bearer abc", "Bearer def")).kind());
    }

    @Test
    void parse_spaceInsideToken_malformed() {
        assertEquals(Kind.MALFORMED, BearerHeader.parse(List.of("Bearer abc def")).kind());
    }

    @Test
    void parse_quoteInsideToken_malformed() {
        assertEquals(Kind.MALFORMED, BearerHeader.parse(List.of("Bearer abc\"def")).kind());
    }

    @Test
    void parse_malformed_hasNoToken() {
        assertNull(BearerHeader.parse(List.of("Bearer abc def")).token());
    }

    @Test
    void toString_token_hidesToken() {
        BearerHeader header = BearerHeader.parse(List.of("Bearer secret-token"));

        assertEquals("BearerHeader[TOKEN]", header.toString());
    }

    @Test
    void parse_tabSeparator_malformed() {
        assertEquals(Kind.MALFORMED, BearerHeader.parse(List.of("Bearer\tabc")).kind());
    }

    @Test
    void parse_severalSpaces_token() {
        assertEquals("abc", BearerHeader.parse(List.of("Bearer   abc  ")).token());
    }

    @Test
    void parse_schemePrefixOfLongerScheme_absent() {
        assertEquals(Kind.ABSENT, BearerHeader.parse(List.of("Bearerx abc")).kind());
    }
}
