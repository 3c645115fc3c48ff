package dev.jwtee.core.token;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the {@code typ} header and the registered claims of a token whose signature has been
 * verified. Times must be JSON integers; a token that expires exactly now is expired.
 */
final class ClaimsCheck {

    private final TokenSettings settings;
    private final Clock clock;

    ClaimsCheck(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Accepts {@code at+jwt} and {@code application/at+jwt} alike, in any case (RFC 9068). */
    void checkType(Object type) throws TokenRejectedException {
        if (!(type instanceof String text)) {
            throw new TokenRejectedException(Reason.WRONG_TYPE);
        }
        String normalized = text.toLowerCase(Locale.ROOT);
        if (normalized.startsWith("application/")) {
            normalized = normalized.substring("application/".length());
        }
        if (!settings.acceptedTypes().contains(normalized)) {
            throw new TokenRejectedException(Reason.WRONG_TYPE);
        }
    }

    /**
     * Checks the claims and returns the verified token.
     *
     * @param map the parsed claims; this method removes members whose value is {@code null}
     */
    VerifiedToken check(Map<String, Object> map, String keyId, String algorithm)
            throws TokenRejectedException {
        long now = clock.instant().getEpochSecond();
        long skew = settings.clockSkew().getSeconds();

        long expiresAt = requiredTime(map, "exp");
        if (now >= expiresAt + skew) {
            throw new TokenRejectedException(Reason.EXPIRED);
        }
        Long notBefore = optionalTime(map, "nbf");
        if (notBefore != null && now + skew < notBefore) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
        long issuedAt = requiredTime(map, "iat");
        if (issuedAt > now + skew) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM);
        }

        String issuer = requiredString(map, "iss");
        if (!issuer.equals(settings.issuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER);
        }
        List<String> audiences = stringOrList(map, "aud");
        if (audiences == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        if (!audiences.contains(settings.audience())) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        String subject = printable(requiredString(map, "sub"));
        String name = callerName(map, subject);
        List<String> groups = stringList(map, "groups");
        if (groups != null) {
            for (String group : groups) {
                printable(group);
            }
        }
        Object tokenId = map.get("jti");
        if (tokenId != null && !(tokenId instanceof String)) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM);
        }

        return new VerifiedToken(subject, name, issuer, audiences, Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt), (String) tokenId,
                groups == null ? List.of() : groups, keyId, algorithm, withoutNulls(map));
    }

    /**
     * Returns the first configured name claim the token has. Every configured one that is
     * present must be a printable string, also when an earlier one names the caller, so a
     * token cannot hide a malformed name behind another claim.
     */
    private String callerName(Map<String, Object> map, String subject)
            throws TokenRejectedException {
        String name = null;
        for (String claim : settings.nameClaims()) {
            Object value = map.get(claim);
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text) || text.isBlank()) {
                throw new TokenRejectedException(Reason.INVALID_CLAIM);
            }
            printable(text);
            if (name == null) {
                name = text;
            }
        }
        return name == null ? subject : name;
    }

    /**
     * Rejects text that would change how a log line or a page shows it: control characters,
     * line and paragraph separators, format characters such as the bidirectional overrides
     * and zero-width characters, and unpaired surrogates. The caller's name becomes
     * getRemoteUser() and roles become isUserInRole() names, which applications print and log.
     */
    private static String printable(String text) throws TokenRejectedException {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            switch (Character.getType(codePoint)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
                        Character.PARAGRAPH_SEPARATOR, Character.SURROGATE ->
                    throw new TokenRejectedException(Reason.INVALID_CLAIM);
                default -> i += Character.charCount(codePoint);
            }
        }
        return text;
    }

    private static long requiredTime(Map<String, Object> map, String name)
            throws TokenRejectedException {
        Long value = optionalTime(map, name);
        if (value == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return value;
    }

    /** Accepts only JSON integers in a range that {@link Instant} and the arithmetic allow. */
    private static Long optionalTime(Map<String, Object> map, String name)
            throws TokenRejectedException {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long seconds) || seconds < 0 || seconds > 253_402_300_799L) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM);
        }
        return seconds;
    }

    private static String requiredString(Map<String, Object> map, String name)
            throws TokenRejectedException {
        Object value = map.get(name);
        if (value == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM);
        }
        return text;
    }

    private static List<String> stringOrList(Map<String, Object> map, String name)
            throws TokenRejectedException {
        Object value = map.get(name);
        if (value instanceof String text) {
            return List.of(text);
        }
        return stringList(map, name);
    }

    private static List<String> stringList(Map<String, Object> map, String name)
            throws TokenRejectedException {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof String text)) {
                throw new TokenRejectedException(Reason.INVALID_CLAIM);
            }
            strings.add(text);
        }
        return strings;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(Objects::isNull);
        return map;
    }
}
