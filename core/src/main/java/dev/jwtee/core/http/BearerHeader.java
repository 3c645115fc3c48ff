package dev.jwtee.core.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of reading the {@code Authorization} request header for a Bearer token
 * (RFC 6750 section 2.1). Immutable.
 *
 * @param kind whether a token was found
 * @param token the token for {@link Kind#TOKEN}, else {@code null}
 */
public record BearerHeader(Kind kind, String token) {

    /** The kinds of outcome of reading the header. */
    public enum Kind {
        /** No {@code Authorization} header, or one with another scheme such as Basic. */
        ABSENT,
        /** A Bearer header whose value is not one b64token, or several headers. */
        MALFORMED,
        /** A single well-formed Bearer token. */
        TOKEN
    }

    /** One or more spaces, one b64token (RFC 6750 section 2.1), optional trailing spaces. */
    private static final Pattern SPACES_THEN_TOKEN =
            Pattern.compile(" +([A-Za-z0-9\\-._~+/]+=*) *");
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
        int schemeEnd = 0;
        while (schemeEnd < value.length() && isTokenChar(value.charAt(schemeEnd))) {
            schemeEnd++;
        }
        if (!value.substring(0, schemeEnd).equalsIgnoreCase("bearer")) {
            return ABSENT;
        }
        Matcher credentials = SPACES_THEN_TOKEN.matcher(value.substring(schemeEnd));
        if (!credentials.matches()) {
            return MALFORMED;
        }
        return new BearerHeader(Kind.TOKEN, credentials.group(1));
    }

    /** Tells whether {@code c} may appear in an auth-scheme (RFC 7230 tchar). */
    private static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return "BearerHeader[" + kind + "]";
    }
}
