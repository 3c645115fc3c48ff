package dev.jwtee.core.token;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a JOSE header or claims segment before any JSON library sees it: strict UTF-8, one
 * JSON object, no duplicate member names at any level (RFC 7515 section 5.2 and RFC 7519
 * section 4 ask for rejection), and a bounded nesting depth, so deep input cannot exhaust the
 * stack. The recursion below is bounded by {@link #MAX_DEPTH}. Stateless and thread-safe.
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
     * Decodes {@code bytes} as strict UTF-8 and checks that they form one JSON object.
     *
     * @return the decoded text
     * @throws TokenRejectedException with {@link Reason#MALFORMED} otherwise
     */
    static String checkObject(byte[] bytes) throws TokenRejectedException {
        String text = utf8(bytes);
        StrictJson parser = new StrictJson(text);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw malformed();
        }
        parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw malformed();
        }
        return text;
    }

    /**
     * Decodes {@code bytes} as strict UTF-8: overlong forms, lone surrogates and invalid bytes
     * are rejected instead of being replaced.
     */
    static String utf8(byte[] bytes) throws TokenRejectedException {
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

    private void value(int depth) throws TokenRejectedException {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        skipWhitespace();
        char c = peek();
        if (c == '{') {
            object(depth + 1);
        } else if (c == '[') {
            array(depth + 1);
        } else if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            literal();
        }
    }

    private void object(int depth) throws TokenRejectedException {
        position++;
        Set<String> names = new HashSet<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"' || !names.add(string())) {
                throw malformed();
            }
            skipWhitespace();
            expect(':');
            value(depth);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    private void array(int depth) throws TokenRejectedException {
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return;
        }
        while (true) {
            value(depth);
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    /** Reads a string literal and returns its decoded value. */
    private String string() throws TokenRejectedException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
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

    private void number() throws TokenRejectedException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else {
            digits();
        }
        if (peek() == '.') {
            position++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            digits();
        }
        if (position == start) {
            throw malformed();
        }
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

    private void literal() throws TokenRejectedException {
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, position)) {
                position += literal.length();
                return;
            }
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
