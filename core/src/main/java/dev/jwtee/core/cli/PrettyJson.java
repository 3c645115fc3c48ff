package dev.jwtee.core.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes parsed JSON (maps, lists, strings, numbers, booleans and {@code null}, as jose4j's
 * parser returns them) as indented JSON text, keeping the order of object members. Control
 * and Unicode format characters in strings are escaped, so a hostile token cannot send
 * terminal escape sequences or reorder the printed text.
 */
final class PrettyJson {

    private static final String INDENT = "  ";

    /** Deepest nesting printed; deeper values are elided, so hostile input cannot overflow. */
    static final int MAX_DEPTH = 64;

    private PrettyJson() {
    }

    /** Returns {@code value} as JSON text indented by two spaces per level. */
    static String format(Object value) {
        StringBuilder text = new StringBuilder();
        append(text, value, "");
        return text.toString();
    }

    private static void append(StringBuilder text, Object value, String indent) {
        boolean nested = value instanceof Map<?, ?> || value instanceof List<?>;
        if (nested && indent.length() >= MAX_DEPTH * INDENT.length()) {
            text.append("\"(nested deeper than ").append(MAX_DEPTH).append(" levels)\"");
            return;
        }
        if (value instanceof Map<?, ?> map) {
            appendObject(text, map, indent);
        } else if (value instanceof List<?> list) {
            appendArray(text, list, indent);
        } else if (value instanceof String string) {
            appendString(text, string);
        } else {
            // Numbers, booleans and null print as Java does: 42, 1.5, true, null.
            text.append(value);
        }
    }

    private static void appendObject(StringBuilder text, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            text.append("{}");
            return;
        }
        text.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            text.append(indent).append(INDENT);
            appendString(text, String.valueOf(entry.getKey()));
            text.append(": ");
            append(text, entry.getValue(), indent + INDENT);
            text.append(entries.hasNext() ? ",\n" : "\n");
        }
        text.append(indent).append('}');
    }

    private static void appendArray(StringBuilder text, List<?> list, String indent) {
        if (list.isEmpty()) {
            text.append("[]");
            return;
        }
        text.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            text.append(indent).append(INDENT);
            append(text, list.get(i), indent + INDENT);
            text.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        text.append(indent).append(']');
    }

    private static void appendString(StringBuilder text, String string) {
        text.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> appendCharacter(text, c);
            }
        }
        text.append('"');
    }

    private static void appendCharacter(StringBuilder text, char c) {
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            text.append(String.format("\\u%04x", (int) c));
        } else {
            text.append(c);
        }
    }
}
