package dev.jwtee.core.token;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.util.Base64;
import java.util.Map;

/**
 * The segments of a compact JWS (three) or JWE (five), split and decoded strictly before any
 * cryptography: only base64url characters without padding, and every segment must re-encode to
 * exactly the text it came from, so no two encodings of one token exist.
 */
final class CompactParts {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Marks the ASCII characters of the base64url alphabet; a lookup beats range checks. */
    private static final boolean[] BASE64URL = base64UrlTable();

    private CompactParts() {
    }

    /**
     * Counts the dots of a token after checking its size and characters.
     *
     * @param token the raw token
     * @param maxBytes the largest accepted size
     * @return the number of segments: 3 for JWS, 5 for JWE
     * @throws TokenRejectedException for an oversized, empty or malformed token
     */
    static int segmentCount(String token, int maxBytes) throws TokenRejectedException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (token.length() > maxBytes) {
            throw new TokenRejectedException(Reason.TOO_LARGE);
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64Url(c)) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
        }
        if (dots != 2 && dots != 4) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return dots + 1;
    }

    /**
     * Splits a token whose characters {@link #segmentCount} has checked.
     *
     * @param token the raw token
     * @return the encoded segments, empty strings included
     */
    static String[] split(String token) {
        return token.split("\\.", -1);
    }

    /**
     * Decodes one base64url segment and insists on its canonical form: no padding, a length
     * that whole bytes can have, and zero bits after the last byte in the final character
     * (the JDK decoder ignores those bits, so without this check {@code "QQ"} and {@code "QR"}
     * would both decode to {@code "A"}).
     *
     * @param segment the encoded text, of base64url characters only
     * @return the decoded bytes
     * @throws TokenRejectedException if the segment is not canonical base64url
     */
    static byte[] decode(String segment) throws TokenRejectedException {
        int rest = segment.length() % 4;
        if (rest == 1 || segment.indexOf('=') >= 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (rest != 0) {
            int last = sextet(segment.charAt(segment.length() - 1));
            int unusedBits = rest == 2 ? 0b1111 : 0b11;
            if (last < 0 || (last & unusedBits) != 0) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
        }
        try {
            return DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }

    /**
     * Decodes and parses a protected header segment.
     *
     * @return the header members, in a map the caller may change
     */
    static Map<String, Object> header(String segment) throws TokenRejectedException {
        if (segment.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return StrictJson.parseObject(decode(segment));
    }

    /** Returns the 6-bit value of a base64url character, or -1 for any other character. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }

    private static boolean isBase64Url(char c) {
        return c < BASE64URL.length && BASE64URL[c];
    }

    private static boolean[] base64UrlTable() {
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
        }
        return table;
    }
}
