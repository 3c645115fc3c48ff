package dev.jwtee.core.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes the time claims {@code exp}, {@code iat} and {@code nbf} for people: the instant
 * in ISO-8601 UTC and how far it is from now, such as {@code expires in 14 min} or
 * {@code expired 3 h ago}. Amounts are rounded down.
 */
final class TimeClaims {

    /** Latest NumericDate printed, 9999-12-31T23:59:59Z; the server rejects later ones too. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private TimeClaims() {
    }

    /**
     * Returns one line for each time claim present, in the order {@code exp}, {@code iat},
     * {@code nbf}.
     *
     * @param claims the token's claims as parsed
     * @param now the current time
     * @return lines such as {@code exp: 2026-03-01T12:15:00Z (expires in 15 min)}
     */
    static List<String> describe(Map<String, Object> claims, Instant now) {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("exp", "iat", "nbf")) {
            if (claims.containsKey(name)) {
                lines.add(name + ": " + describe(name, claims.get(name), now));
            }
        }
        return lines;
    }

    private static String describe(String name, Object value, Instant now) {
        if (!(value instanceof Long seconds)) {
            return PrettyJson.format(value) + " (not a whole number of seconds; the server"
                    + " rejects it)";
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            return seconds + " (out of range; the server rejects it)";
        }
        Instant instant = Instant.ofEpochSecond(seconds);
        long delta = seconds - now.getEpochSecond();
        return instant + " (" + relative(name, delta) + ")";
    }

    /** Describes a time {@code delta} seconds from now; negative is in the past. */
    static String relative(String name, long delta) {
        String amount = amount(Math.abs(delta));
        boolean past = delta < 0;
        return switch (name) {
            case "exp" -> delta <= 0 ? "expired " + ago(amount, delta) : "expires in " + amount;
            case "iat" -> past || delta == 0 ? "issued " + ago(amount, delta)
                    : "issued in " + amount + ", in the future";
            default -> past || delta == 0 ? "valid since " + ago(amount, delta)
                    : "not valid until " + amount + " from now";
        };
    }

    private static String ago(String amount, long delta) {
        return delta == 0 ? "just now" : amount + " ago";
    }

    /** Returns a duration in its largest whole unit: s below a minute, then min, h and d. */
    static String amount(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}
