package dev.jwtee.core.cli;

import dev.jwtee.core.token.TokenIssuer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Parses the {@code --claim NAME=VALUE} options of {@code token mint}. A value that parses as
 * a JSON number, {@code true}, {@code false}, array, object or quoted string becomes that JSON
 * value; any other value, {@code null} included, is a string as written.
 */
final class ClaimArguments {

    private static final Map<String, String> RESERVED_HINTS = Map.of(
            "iss", "set it with --iss",
            "sub", "set it with --sub",
            "aud", "set it with --aud",
            "groups", "set it with --groups",
            "exp", "it follows from the current time and --lifetime",
            "iat", "it is the current time",
            "nbf", "it is the current time",
            "jti", "the issuer sets a random one");

    private ClaimArguments() {
    }

    /**
     * Parses every {@code --claim} value.
     *
     * @param arguments the values, each {@code NAME=VALUE}
     * @return the claims in the order given
     * @throws UsageException for a value without a name, a repeated name or a reserved claim
     */
    static Map<String, Object> parse(List<String> arguments) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            String name = equals < 0 ? "" : argument.substring(0, equals).trim();
            if (name.isEmpty()) {
                throw new UsageException("--claim: invalid value '" + argument
                        + "'; expected NAME=VALUE");
            }
            if (TokenIssuer.RESERVED_CLAIMS.contains(name)) {
                throw new UsageException("--claim " + name + ": reserved claim; "
                        + RESERVED_HINTS.getOrDefault(name, "the issuer sets it"));
            }
            if (claims.put(name, value(argument.substring(equals + 1))) != null) {
                throw new UsageException("--claim " + name + " is given more than once");
            }
        }
        return claims;
    }

    /** Returns the JSON value that {@code text} denotes, or {@code text} itself. */
    static Object value(String text) {
        Map<String, Object> wrapper;
        try {
            // jose4j parses only objects, so the value is parsed as the one member of one.
            wrapper = JsonUtil.parseJson("{\"v\":" + text + "}");
        } catch (JoseException e) {
            return text;
        }
        Object value = wrapper.get("v");
        // More than one member means the text closed the object early, as in 1, "x": 2.
        return wrapper.size() != 1 || value == null ? text : value;
    }
}
