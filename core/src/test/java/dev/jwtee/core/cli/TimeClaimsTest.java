package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeClaimsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "0, 0 s", "59, 59 s", "60, 1 min", "899, 14 min", "3599, 59 min", "3600, 1 h",
        "172799, 47 h", "172800, 2 d"})
    void amount_seconds_roundsDownToLargestUnit(long seconds, String expected) {
        assertEquals(expected, TimeClaims.amount(seconds));
    }

    @ParameterizedTest
    @CsvSource({
        "exp, 899, expires in 14 min", "exp, 0, expired just now",
        "exp, -10800, expired 3 h ago",
        "iat, -60, issued 1 min ago", "iat, 0, issued just now",
        "iat, 120, 'issued in 2 min, in the future'",
        "nbf, -5, valid since 5 s ago", "nbf, 300, not valid until 5 min from now"})
    void relative_claimAndDelta_readsAsSentence(String claim, long delta, String expected) {
        assertEquals(expected, TimeClaims.relative(claim, delta));
    }

    @Test
    void describe_claims_listsExpIatNbfInOrder() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("nbf", NOW.getEpochSecond());
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.getEpochSecond() + 900);

        assertEquals(List.of(
                "exp: 2026-03-01T12:15:00Z (expires in 15 min)",
                "iat: 2026-03-01T12:00:00Z (issued just now)",
                "nbf: 2026-03-01T12:00:00Z (valid since just now)"),
                TimeClaims.describe(claims, NOW));
    }

    @Test
    void describe_outOfRange_saysServerRejectsIt() {
        assertEquals(List.of("exp: -1 (out of range; the server rejects it)"),
                TimeClaims.describe(Map.of("exp", -1L), NOW));
    }

    @Test
    void describe_noTimeClaims_printsNothing() {
        assertEquals(List.of(), TimeClaims.describe(Map.of("sub", "alice"), NOW));
    }
}
