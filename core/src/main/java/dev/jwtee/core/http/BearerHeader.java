package dev.jwtee.core.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The outcome of reading the {@code Authorization} request header for a Bearer token
 * (RFC 6750 section 2.1). Immutable.
 *
 * @param kind whether a token was found
 * @param token the token for {@link Kind#TOKEN}, else {@code null}
 */
public record BearerHeader(Kind kind, String token) {

    /** What the header contained. */
    public enum Kind {
        /** No {@code Authorization} header, or one with another scheme such as Basic. */
        ABSENT,
        /** A Bearer header whose value is not one b64token, or several headers. */
        MALFORMED,
        /** A single well-formed Bearer token. */
        TOKEN
    }

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final BearerHeader ABSENT = new BearerHeader(Kind.ABSENT, null);
    private static final BearerHeader MALFORMED = new BearerHeader(Kind.MALFORMED, null);

    /**
     * Reads the values of every {@code Authorization} header of a request.
     *
     * @param values the header values, in order; empty when there is none
     * @return the outcome, never {@code null}
     */
    public static BearerHeader parse(List<String> values) {
        if (values.isEmpty()) {
            return ABSENT;
        }
        if (values.size() > 1) {
            return MALFORMED;
        }
        String value = values.get(0);
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!scheme.equals("bearer")) {
            return ABSENT;
        }
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        if (!B64TOKEN.matcher(credentials).matches()) {
            return MALFORMED;
        }
        return new BearerHeader(Kind.TOKEN, credentials);
    }

    @Override
    public String toString() {
        return "BearerHeader[" + kind + "]";
    }
}
