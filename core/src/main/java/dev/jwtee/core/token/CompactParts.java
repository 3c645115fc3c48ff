package dev.jwtee.core.token;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.util.Base64;

/**
 * The segments of a compact JWS (three) or JWE (five), split and decoded strictly before any
 * cryptography: only base64url characters without padding, and every segment must re-encode to
 * exactly the text it came from, so no two encodings of one token exist.
 */
final class CompactParts {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
     * Decodes one base64url segment and insists on its canonical form.
     *
     * @param segment the encoded text
     * @return the decoded bytes
     * @throws TokenRejectedException if the segment is not canonical base64url
     */
    static byte[] decode(String segment) throws TokenRejectedException {
        byte[] bytes;
        try {
            bytes = DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (!ENCODER.encodeToString(bytes).equals(segment)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return bytes;
    }

    /**
     * Decodes and checks a protected header segment.
     *
     * @return the header JSON text
     */
    static String header(String segment) throws TokenRejectedException {
        if (segment.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return StrictJson.checkObject(decode(segment));
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
    }
}
