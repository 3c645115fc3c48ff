package dev.jwtee.servlet.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.function.Executable;

/**
 * One row of the HTTP contract table: a request and the response every container must send.
 *
 * @param name what the row checks, shown as the test name
 * @param exchange sends the request, after any set-up requests it needs
 * @param status the expected status
 * @param challenge the expected {@code WWW-Authenticate} header
 * @param mediaType the expected media type without parameters, or {@link #NO_BODY}
 * @param caching the expected caching headers
 * @param extra further checks on the response
 */
public record ContractRow(String name, Exchange exchange, int status, Challenge challenge,
        String mediaType, Caching caching, List<Check> extra) {

    /** The {@link #mediaType} of a response that must have an empty body. */
    public static final String NO_BODY = "(no body)";

    /** Sends a row's request. */
    @FunctionalInterface
    public interface Exchange {

        /**
         * Sends the request.
         *
         * @param http the client of the container under test
         * @return the response to check
         */
        HttpResponse<String> send(Http http) throws Exception;
    }

    /** One further condition on a response. */
    @FunctionalInterface
    public interface Check {

        /**
         * Asserts the condition.
         *
         * @param response the response
         */
        void verify(HttpResponse<String> response);
    }

    /**
     * The expected {@code WWW-Authenticate} header.
     *
     * @param value the exact value or its start; {@code null} when the header must be absent
     * @param prefix whether {@code value} is only the start
     */
    public record Challenge(String value, boolean prefix) {

        /** The header must be absent. */
        public static final Challenge NONE = new Challenge(null, false);

        /**
         * Returns a bare challenge: {@code Bearer realm="REALM"} and nothing else.
         *
         * @param realm the realm
         * @return the expectation
         */
        public static Challenge bare(String realm) {
            return new Challenge("Bearer realm=\"" + realm + "\"", false);
        }

        /**
         * Returns a challenge with an RFC 6750 error code, followed by a description.
         *
         * @param realm the realm
         * @param error the error code
         * @return the expectation
         */
        public static Challenge error(String realm, String error) {
            return new Challenge("Bearer realm=\"" + realm + "\", error=\"" + error + "\",", true);
        }
    }

    /** The expected caching headers. */
    public enum Caching {
        /** Not checked: the application decides. */
        APPLICATION,
        /** {@code Cache-Control: no-store}, as on every problem response. */
        NO_STORE,
        /** {@code Cache-Control: no-store} and {@code Pragma: no-cache}: the token endpoint. */
        TOKEN_ENDPOINT,
        /** {@code Cache-Control: public, max-age=300}: the JWKS document. */
        JWKS
    }

    /** Copies the further checks. */
    public ContractRow {
        extra = List.copyOf(extra);
    }

    /**
     * Returns every check of this row on {@code response}, each with its own message.
     *
     * @param response the response
     * @return the checks, for {@code assertAll}
     */
    public List<Executable> checks(HttpResponse<String> response) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(status, response.statusCode(), "status"));
        checks.add(() -> checkChallenge(response));
        checks.add(() -> checkMediaType(response));
        checks.addAll(cachingChecks(response));
        for (Check check : extra) {
            checks.add(() -> check.verify(response));
        }
        return checks;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Returns this row under another name, for a second run of the table on another
     * application.
     *
     * @param newName the name
     * @return the renamed row
     */
    public ContractRow named(String newName) {
        return new ContractRow(newName, exchange, status, challenge, mediaType, caching, extra);
    }

    /**
     * Checks that header {@code name} has exactly {@code value}.
     *
     * @param name the header name
     * @param value the value
     * @return the check
     */
    public static Check header(String name, String value) {
        return response -> assertEquals(value, response.headers().firstValue(name).orElse(null),
                name);
    }

    /**
     * Checks that header {@code name} is present.
     *
     * @param name the header name
     * @return the check
     */
    public static Check hasHeader(String name) {
        return response -> assertTrue(response.headers().firstValue(name).isPresent(),
                name + " present");
    }

    /**
     * Checks that the body contains {@code text}.
     *
     * @param text the text
     * @return the check
     */
    public static Check bodyContains(String text) {
        return response -> assertTrue(response.body().contains(text),
                "body contains " + text + ": " + response.body());
    }

    /**
     * Checks that the body does not contain {@code text}.
     *
     * @param text the text
     * @return the check
     */
    public static Check bodyLacks(String text) {
        return response -> assertFalse(response.body().contains(text),
                "body lacks " + text);
    }

    /**
     * Checks the {@code error} member of a JSON body.
     *
     * @param error the expected error code
     * @return the check
     */
    public static Check jsonError(String error) {
        return response -> assertEquals(error, Http.json(response.body()).get("error"),
                "error member of the body");
    }

    private void checkChallenge(HttpResponse<String> response) {
        String actual = response.headers().firstValue("WWW-Authenticate").orElse(null);
        if (challenge.prefix() && actual != null) {
            assertTrue(actual.startsWith(challenge.value()),
                    "WWW-Authenticate starts with " + challenge.value() + ": " + actual);
        } else {
            assertEquals(challenge.value(), actual, "WWW-Authenticate");
        }
    }

    private void checkMediaType(HttpResponse<String> response) {
        if (mediaType.equals(NO_BODY)) {
            assertEquals("", response.body(), "body");
            return;
        }
        String actual = response.headers().firstValue("Content-Type")
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse(null);
        assertEquals(mediaType, actual, "media type");
    }

    private List<Executable> cachingChecks(HttpResponse<String> response) {
        Check cacheControl = switch (caching) {
            case NO_STORE, TOKEN_ENDPOINT -> header("Cache-Control", "no-store");
            case JWKS -> header("Cache-Control", "public, max-age=300");
            default -> ignored -> { };
        };
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> cacheControl.verify(response));
        if (caching == Caching.TOKEN_ENDPOINT) {
            checks.add(() -> header("Pragma", "no-cache").verify(response));
        }
        return checks;
    }
}
