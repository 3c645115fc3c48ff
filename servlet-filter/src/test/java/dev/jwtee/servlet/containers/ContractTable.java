package dev.jwtee.servlet.containers;

import static dev.jwtee.servlet.containers.ContractRow.Caching.APPLICATION;
import static dev.jwtee.servlet.containers.ContractRow.Caching.JWKS;
import static dev.jwtee.servlet.containers.ContractRow.Caching.NO_STORE;
import static dev.jwtee.servlet.containers.ContractRow.Caching.TOKEN_ENDPOINT;
import static dev.jwtee.servlet.containers.ContractRow.NO_BODY;
import static dev.jwtee.servlet.containers.ContractRow.bodyContains;
import static dev.jwtee.servlet.containers.ContractRow.bodyLacks;
import static dev.jwtee.servlet.containers.ContractRow.hasHeader;
import static dev.jwtee.servlet.containers.ContractRow.header;
import static dev.jwtee.servlet.containers.ContractRow.jsonError;

import dev.jwtee.servlet.containers.ContractRow.Caching;
import dev.jwtee.servlet.containers.ContractRow.Challenge;
import dev.jwtee.servlet.containers.ContractRow.Check;
import dev.jwtee.servlet.containers.ContractRow.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The HTTP contract of the servlet filter: one table of requests and expected responses that
 * every server must send alike. Embedded Tomcat and Jetty run it ({@link HttpContractTest}), and
 * so do Payara Micro and WildFly, on WARs that {@link ContractWar} builds.
 *
 * <p>Two applications take part. The configured one ({@link #appParameters}) signs with an EC
 * key from a JWKS file and names {@link TestCredentialValidator}; the failed one
 * ({@link #failedStartParameters}) names a credential validator class that does not exist, so
 * jwtee deploys but cannot start there and must fail closed. What differs between servers, the
 * two context paths and the JWKS file path, is passed in; the client ({@link Http}) carries the
 * port.
 *
 * <p>The realm {@value #REALM} is set only in {@code META-INF/microprofile-config.properties} on
 * the web application's class path, so every challenge in the table also shows that the filter
 * reads MicroProfile Config through the web application's class loader.
 */
public final class ContractTable {

    /** The realm of every challenge, from {@code META-INF/microprofile-config.properties}. */
    public static final String REALM = "contract";

    /** {@code jwtee.issuer} of both applications. */
    public static final String ISSUER = "https://contract.example";

    /** The {@code kid} of the EC signing key that {@link #jwks()} generates. */
    public static final String KEY_ID = "contract-es256";

    /** Class name in {@code jwtee.credential-validator} of the application that cannot start. */
    public static final String MISSING_VALIDATOR = "dev.jwtee.servlet.containers.NoSuchValidator";

    /** Media type of problem responses. */
    public static final String PROBLEM = "application/problem+json";

    /** Media type of token endpoint responses. */
    public static final String JSON = "application/json";

    /** Media type that {@link WhoAmIServlet} sends. */
    public static final String TEXT = "text/plain";

    /** A token with the right header and a signature that no key made. */
    public static final String BAD_TOKEN = base64Url("{\"alg\":\"ES256\",\"typ\":\"at+jwt\","
            + "\"kid\":\"" + KEY_ID + "\"}") + "." + base64Url("{\"sub\":\"alice\",\"iss\":\""
            + ISSUER + "\"}") + "." + base64Url("not a signature");

    private static final String SIGN_IN = "grant_type=password&username=alice&password=";

    private ContractTable() {
    }

    /**
     * Returns every row: those of the configured application, then those of the application
     * that cannot start.
     *
     * @param app context path of the configured application, such as {@code /app}
     * @param broken context path of the application that cannot start
     * @return the rows
     */
    public static Stream<ContractRow> rows(String app, String broken) {
        return Stream.concat(configuredRows(app), failedStartRows(broken));
    }

    /**
     * Returns the rows of the configured application.
     *
     * @param app its context path, such as {@code /app}
     * @return the rows
     */
    public static Stream<ContractRow> configuredRows(String app) {
        Challenge bare = Challenge.bare(REALM);
        return Stream.of(
            row("no token on a protected path", h -> h.get(app + "/protected/whoami"),
                401, bare, PROBLEM, NO_STORE),
            row("Basic scheme counts as no token", h -> h.get(app + "/protected/whoami",
                    "Authorization", "Basic YWxpY2U6YWxpY2UtcGFzcw=="),
                401, bare, PROBLEM, NO_STORE),
            row("Bearer with two tokens is malformed", h -> h.get(app + "/protected/whoami",
                    "Authorization", "Bearer one two"),
                400, Challenge.error(REALM, "invalid_request"), PROBLEM, NO_STORE),
            row("bad token", h -> h.get(app + "/protected/whoami", bearer(BAD_TOKEN)),
                401, Challenge.error(REALM, "invalid_token"), PROBLEM, NO_STORE,
                bodyLacks(BAD_TOKEN), bodyLacks(BAD_TOKEN.split("\\.")[1])),
            row("valid token", h -> h.get(app + "/protected/whoami",
                    bearer(h.signIn(app).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("user=alice")),
            row("valid token, role the caller has", h -> h.get(app + "/protected/whoami",
                    bearer(h.signIn(app).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("customer=true")),
            row("valid token, role the caller lacks", h -> h.get(app + "/protected/whoami",
                    bearer(h.signIn(app).access())),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("admin=false")),
            row("public path with a bad token is served anonymous",
                h -> h.get(app + "/public/whoami", bearer(BAD_TOKEN)),
                200, Challenge.NONE, TEXT, APPLICATION, bodyContains("user=null")),
            row("CORS header of an earlier filter survives a 401",
                h -> h.get(app + "/protected/whoami"),
                401, bare, PROBLEM, NO_STORE,
                header(CorsHeaderFilter.HEADER, CorsHeaderFilter.ORIGIN)),
            row("sign-in", h -> h.post(app + "/auth/token", SIGN_IN + "alice-pass"),
                200, Challenge.NONE, JSON, TOKEN_ENDPOINT,
                bodyContains("\"access_token\""), bodyContains("\"refresh_token\"")),
            row("sign-in with a wrong password",
                h -> h.post(app + "/auth/token", SIGN_IN + "wrong"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("refresh", h -> h.refresh(app, h.signIn(app).refresh()),
                200, Challenge.NONE, JSON, TOKEN_ENDPOINT, bodyContains("\"refresh_token\"")),
            row("refresh with the rotated token", h -> {
                var rotated = Http.tokens(h.refresh(app, h.signIn(app).refresh()));
                return h.refresh(app, rotated.refresh());
            }, 200, Challenge.NONE, JSON, TOKEN_ENDPOINT, bodyContains("\"access_token\"")),
            row("replay of a used refresh token", h -> {
                String used = h.signIn(app).refresh();
                h.refresh(app, used);
                return h.refresh(app, used);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("replay revokes the family: the newest token fails too", h -> {
                String used = h.signIn(app).refresh();
                String newest = Http.tokens(h.refresh(app, used)).refresh();
                h.refresh(app, used);
                return h.refresh(app, newest);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("revoke", h -> h.post(app + "/auth/revoke", "token=" + h.signIn(app).refresh()),
                200, Challenge.NONE, NO_BODY, TOKEN_ENDPOINT),
            row("refresh after revoke", h -> {
                String token = h.signIn(app).refresh();
                h.post(app + "/auth/revoke", "token=" + token);
                return h.refresh(app, token);
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_grant")),
            row("GET on the token endpoint", h -> h.get(app + "/auth/token"),
                405, Challenge.NONE, JSON, TOKEN_ENDPOINT, header("Allow", "POST")),
            row("oversized form", h -> h.post(app + "/auth/token",
                    SIGN_IN + "x".repeat(20_000)),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("oversized form of 200 KiB, then a sign-in", h -> {
                var oversized = h.post(app + "/auth/token", SIGN_IN + "x".repeat(200_000));
                h.signIn(app);
                return oversized;
            }, 400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("form that is not UTF-8", h -> h.post(app + "/auth/token", SIGN_IN + "%E0%A4"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("form with a bad escape", h -> h.post(app + "/auth/token", SIGN_IN + "%zz"),
                400, Challenge.NONE, JSON, TOKEN_ENDPOINT, jsonError("invalid_request")),
            row("JWKS document", h -> h.get(app + "/.well-known/jwks.json"),
                200, Challenge.NONE, "application/jwk-set+json", JWKS, hasHeader("ETag"),
                bodyContains("\"kid\":\"" + KEY_ID + "\""), bodyLacks("\"d\"")),
            row("JWKS document not modified", h -> h.get(app + "/.well-known/jwks.json",
                    "If-None-Match", h.get(app + "/.well-known/jwks.json").headers()
                            .firstValue("ETag").orElseThrow()),
                304, Challenge.NONE, NO_BODY, JWKS));
    }

    /**
     * Returns the rows of the application whose jwtee cannot start: every request gets 503.
     *
     * @param broken its context path, such as {@code /broken}
     * @return the rows
     */
    public static Stream<ContractRow> failedStartRows(String broken) {
        return Stream.of(
            row("failed start: protected path", h -> h.get(broken + "/protected/whoami"),
                503, Challenge.NONE, PROBLEM, NO_STORE, bodyLacks("NoSuchValidator")),
            row("failed start: public path", h -> h.get(broken + "/public/whoami"),
                503, Challenge.NONE, PROBLEM, NO_STORE),
            row("failed start: sign-in", h -> h.post(broken + "/auth/token",
                    SIGN_IN + "alice-pass"),
                503, Challenge.NONE, PROBLEM, NO_STORE));
    }

    /**
     * Returns the jwtee init-params of the configured application. Refresh tokens go to the
     * default {@code jpa} store, so a server without a default data source needs the
     * {@code jwtee.jpa.*} keys added.
     *
     * @param jwksFile the value of {@code jwtee.keys.jwks-file}
     * @return a new modifiable map
     */
    public static Map<String, String> appParameters(String jwksFile) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("jwtee.issuer", ISSUER);
        parameters.put("jwtee.keys.jwks-file", jwksFile);
        parameters.put("jwtee.public-paths", "/public/*");
        parameters.put("jwtee.credential-validator", TestCredentialValidator.class.getName());
        return parameters;
    }

    /**
     * Returns the jwtee init-params of the application that cannot start: those of
     * {@link #appParameters} with {@link #MISSING_VALIDATOR} and the in-memory store, so that
     * the validator is the only cause of the failure.
     *
     * @param jwksFile the value of {@code jwtee.keys.jwks-file}
     * @return a new modifiable map
     */
    public static Map<String, String> failedStartParameters(String jwksFile) {
        Map<String, String> parameters = appParameters(jwksFile);
        parameters.put("jwtee.credential-validator", MISSING_VALIDATOR);
        parameters.put("jwtee.refresh.store", "memory");
        return parameters;
    }

    /**
     * Generates a JWK set with one new EC P-256 key pair, {@code kid} {@value #KEY_ID}, private
     * part included.
     *
     * @return the JSON text
     */
    public static String jwks() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(KEY_ID);
            key.setAlgorithm("ES256");
            return "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)
                    + "]}";
        } catch (JoseException e) {
            throw new IllegalStateException("failed to generate an EC P-256 key", e);
        }
    }

    private static ContractRow row(String name, Exchange exchange, int status,
            Challenge challenge, String mediaType, Caching caching, Check... extra) {
        return new ContractRow(name, exchange, status, challenge, mediaType, caching,
                List.of(extra));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
