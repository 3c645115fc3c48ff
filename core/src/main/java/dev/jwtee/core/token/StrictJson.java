package dev.jwtee.core.token;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JOSE header or claims segment as strict UTF-8 and one JSON object (RFC 8259). It
 * rejects duplicate member names at any level, as RFC 7515 section 5.2 and RFC 7519 section 4
 * ask. Nesting is bounded by {@link #MAX_DEPTH}, so deep input cannot exhaust the stack.
 *
 * <p>Values map to Java as jose4j's {@code JsonUtil} maps them, so code written against either
 * sees the same types: objects become maps with members in document order, arrays lists,
 * strings {@link String}, {@code true} and {@code false} {@link Boolean}, {@code null}
 * {@code null}, integers {@link Long}, and other numbers, including integers beyond the range
 * of {@code long}, {@link Double}. Nested maps and lists are unmodifiable; the top-level map is
 * the caller's to change. Thread-safe: each call uses its own parser.
 */
final class StrictJson {

    /** Deepest nesting of objects and arrays accepted; JOSE headers and claims need few. */
    static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private StrictJson(String text) {
        this.text = text;
    }

    /**
     * Decodes {@code bytes} as strict UTF-8 and parses them as one JSON object.
     *
     * @return the members, in a map the caller may change
     * @throws TokenRejectedException with {@link Reason#MALFORMED} otherwise
     */
    static Map<String, Object> parseObject(byte[] bytes) throws TokenRejectedException {
        String text = utf8(bytes);
        StrictJson parser = new StrictJson(text);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw malformed();
        }
        Map<String, Object> members = parser.object(1);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw malformed();
        }
        return members;
    }

    /**
     * Decodes {@code bytes} as strict UTF-8: overlong forms, lone surrogates and invalid bytes
     * are rejected instead of being replaced. Pure ASCII, the usual case, takes a shortcut.
     */
    static String utf8(byte[] bytes) throws TokenRejectedException {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads one value inside a container at nesting level {@code depth}. */
    private Object value(int depth) throws TokenRejectedException {
        skipWhitespace();
        char c = peek();
        if ((c == '{' || c == '[') && depth >= MAX_DEPTH) {
            throw malformed();
        }
        if (c == '{') {
            return Collections.unmodifiableMap(object(depth + 1));
        } else if (c == '[') {
            return array(depth + 1);
        } else if (c == '"') {
            return string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        return literal();
    }

    private Map<String, Object> object(int depth) throws TokenRejectedException {
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw malformed();
            }
            String name = string();
            if (members.containsKey(name)) {
                throw malformed();
            }
            skipWhitespace();
            expect(':');
            members.put(name, value(depth));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    private List<Object> array(int depth) throws TokenRejectedException {
        position++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(elements);
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    /** Reads a string literal and returns its decoded value. */
    private String string() throws TokenRejectedException {
        expect('"');
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                return text.substring(start, position++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            position++;
        }
        StringBuilder value = new StringBuilder(text.length() - start);
        value.append(text, start, position);
        while (true) {
            char c = next();
            if (c == '"') {
                return pairedSurrogates(value.toString());
            }
            if (c < 0x20) {
                throw malformed();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw malformed();
            }
        }
    }

    /**
     * Rejects a string with an unpaired surrogate (RFC 7493 section 2.1). Only a Unicode escape
     * can produce one here, because the UTF-8 decoding already rejects one in raw bytes.
     */
    private static String pairedSurrogates(String value) throws TokenRejectedException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed();
            }
        }
        return value;
    }

    private char unicodeEscape() throws TokenRejectedException {
        if (position + 4 > text.length()) {
            throw malformed();
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw malformed();
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() throws TokenRejectedException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else {
            digits();
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            position++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            digits();
        }
        String literal = text.substring(start, position);
        if (integer && position - start <= 20) {
            try {
                return Long.valueOf(literal);
            } catch (NumberFormatException e) {
                // Beyond the range of long: a Double, like any other number.
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw malformed();
        }
        return value;
    }

    private void digits() throws TokenRejectedException {
        int start = position;
        while (peek() >= '0' && peek() <= '9') {
            position++;
        }
        if (position == start) {
            throw malformed();
        }
    }

    private Object literal() throws TokenRejectedException {
        if (text.startsWith("true", position)) {
            position += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", position)) {
            position += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", position)) {
            position += 4;
            return null;
        }
        throw malformed();
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(char expected) throws TokenRejectedException {
        if (next() != expected) {
            throw malformed();
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private char next() throws TokenRejectedException {
        if (position >= text.length()) {
            throw malformed();
        }
        return text.charAt(position++);
    }

    private static TokenRejectedException malformed() {
        return new TokenRejectedException(Reason.MALFORMED);
    }
}
