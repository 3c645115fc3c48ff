package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimArgumentsTest {

    @Test
    void value_json_becomesJsonValue() {
        assertEquals(42L, ClaimArguments.value("42"));
        assertEquals(-1.5, ClaimArguments.value("-1.5"));
        assertEquals(false, ClaimArguments.value("false"));
        assertEquals(List.of(1L, "a"), ClaimArguments.value("[1, \"a\"]"));
        assertEquals(Map.of("a", List.of()), ClaimArguments.value("{\"a\": []}"));
        assertEquals("42", ClaimArguments.value("\"42\""));
        assertEquals(new BigInteger("99999999999999999999"),
                ClaimArguments.value("99999999999999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "", "null", "1, \"x\": 2", "1} {", "{\"a\": 1, \"a\": 2}",
        "[1,", "1 2", "tRue"})
    void value_notOneJsonValue_staysString(String text) {
        assertEquals(text, ClaimArguments.value(text));
    }

    @Test
    void parse_valueWithEquals_splitsAtFirst() {
        assertEquals(Map.of("filter", "a=b"), ClaimArguments.parse(List.of("filter=a=b")));
    }

    @Test
    void parse_order_isKept() {
        assertEquals(List.of("b", "a"),
                List.copyOf(ClaimArguments.parse(List.of("b=1", "a=2")).keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "nbf", "jti", "groups"})
    void parse_reservedClaim_rejected(String name) {
        UsageException e = assertThrows(UsageException.class,
                () -> ClaimArguments.parse(List.of(name + "=x")));

        assertTrue(e.getMessage().startsWith("--claim " + name + ": reserved claim; "),
                e.getMessage());
    }
}
