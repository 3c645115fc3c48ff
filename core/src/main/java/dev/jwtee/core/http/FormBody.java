package dev.jwtee.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body (the WHATWG URL standard's form
 * format, as RFC 6749 uses it) strictly and without the container: every byte sequence must be
 * valid UTF-8 after percent-decoding, and a bad escape rejects the whole body instead of being
 * dropped. Reading the body here also keeps the container from logging parameter values, which
 * may be passwords or tokens. Stateless and thread-safe.
 */
public final class FormBody {

    /** Largest body accepted, in bytes; token requests are far smaller. */
    public static final int MAX_BYTES = 16_384;

    /** Largest number of parameters accepted. */
    public static final int MAX_PARAMETERS = 32;

    private FormBody() {
    }

    /**
     * Parses {@code body}.
     *
     * @param body the raw request body, at most {@link #MAX_BYTES}
     * @return each parameter name with every value sent, in order
     * @throws IllegalArgumentException with a client-safe message if the body is not valid form
     *     encoding or has too many parameters; the message never quotes a value
     */
    public static Map<String, List<String>> parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("The request body is larger than " + MAX_BYTES
                    + " bytes.");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int count = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new IllegalArgumentException("The request has more than " + MAX_PARAMETERS
                        + " parameters.");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String encoded) {
        byte[] bytes = new byte[encoded.length()];
        int length = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes[length++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw invalid();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid();
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("The request body is not valid"
                + " application/x-www-form-urlencoded UTF-8.");
    }
}
