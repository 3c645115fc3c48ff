package dev.jwtee.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Reads a compact token from the command line or standard input, and decodes its header and
 * payload for display without checking anything cryptographic. The strict checks are the
 * verifier's; this class only makes a token readable.
 */
final class TokenText {

    /** Largest token read from standard input, in bytes: the largest max-size a server takes. */
    static final int MAX_INPUT_BYTES = ServerDefaults.TOKEN_MAX_SIZE_UPPER_BOUND;

    private TokenText() {
    }

    /**
     * Returns the token that the one positional argument gives: the token itself, or
     * {@code -} for standard input, trimmed.
     *
     * @throws UsageException if there is no token, more than one, or input is too long
     */
    static String read(List<String> positionals, InputStream in) {
        if (positionals.isEmpty()) {
            throw new UsageException("missing TOKEN; pass the token, or - to read it from"
                    + " standard input");
        }
        if (positionals.size() > 1) {
            throw new UsageException("expected one TOKEN, got " + positionals.size()
                    + " arguments");
        }
        String token = positionals.get(0).equals("-") ? readAll(in) : positionals.get(0);
        token = token.strip();
        if (token.isEmpty()) {
            throw new UsageException("the token is empty");
        }
        return token;
    }

    private static String readAll(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + e.getMessage());
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new UsageException("standard input has more than " + MAX_INPUT_BYTES
                    + " bytes; a token is shorter");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Splits a compact token into its dot-separated segments.
     *
     * @return three segments for a JWS, five for a JWE
     * @throws UsageException for any other number of segments
     */
    static String[] segments(String token) {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3 && segments.length != 5) {
            throw new UsageException("not a compact JWS or JWE: expected 3 or 5 segments"
                    + " separated by dots, got " + segments.length);
        }
        return segments;
    }

    /**
     * Decodes one base64url segment that must contain a JSON object.
     *
     * @param segment the encoded segment
     * @param segmentName the segment's name in messages, such as "header"
     * @return the members in token order
     * @throws UsageException if the segment is not base64url or not one JSON object
     */
    static Map<String, Object> jsonObject(String segment, String segmentName) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the token's " + segmentName + " is not base64url");
        }
        try {
            return JsonUtil.parseJson(new String(bytes, StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new UsageException("the token's " + segmentName + " is not one JSON object with"
                    + " unique member names");
        }
    }
}
