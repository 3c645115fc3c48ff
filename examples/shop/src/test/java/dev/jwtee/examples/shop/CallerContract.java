package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The responses that a token must get from {@code CallerResource} whichever mechanism verifies
 * it: jwtee ({@link JwteeCallerIT}) or Payara's MicroProfile JWT ({@link MpJwtCallerIT}). Both
 * subclasses run these cases with the same tokens, so a difference in principal name or role
 * answers fails one of them.
 */
abstract class CallerContract {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Output of {@code api/caller} for the first case: upn wins over sub. */
    static final List<String> ALICE_LINES = List.of("name=alice@shop.example",
            "remoteUser=alice@shop.example", "customer=true/true", "vip=true/true",
            "admin=false/false");

    /** Claims of the first case, without the standard claims that every token carries. */
    static final Map<String, Object> ALICE_CLAIMS = Map.of("sub", "u-1001",
            "upn", "alice@shop.example", "preferred_username", "alice",
            "groups", List.of("customer", "vip"));

    final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ArquillianResource
    URL deploymentUrl;

    static Stream<Arguments> sharedCases() {
        return Stream.of(
                Arguments.of("upn before preferred_username and sub", ALICE_CLAIMS,
                        ALICE_LINES, 200, 403),
                Arguments.of("preferred_username before sub", Map.of("sub", "u-1002",
                        "preferred_username", "bob", "groups", List.of("customer")),
                        List.of("name=bob", "remoteUser=bob", "customer=true/true",
                                "vip=false/false", "admin=false/false"), 403, 403),
                Arguments.of("sub alone", Map.of("sub", "carol", "groups", List.of("admin")),
                        List.of("name=carol", "remoteUser=carol", "customer=false/false",
                                "vip=false/false", "admin=true/true"), 403, 200),
                Arguments.of("no groups claim", Map.of("sub", "u-1004",
                        "upn", "dave@shop.example"),
                        List.of("name=dave@shop.example", "remoteUser=dave@shop.example",
                                "customer=false/false", "vip=false/false", "admin=false/false"),
                        403, 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void sharedToken_sameCallerAndRoles(String description, Map<String, Object> claims,
            List<String> expectedLines, int vipStatus, int adminStatus) throws Exception {
        String token = CallerTokens.mint("JWT", claims);

        HttpResponse<String> caller = get("api/caller", token);

        assertEquals(200, caller.statusCode(), "status of api/caller: " + caller.body());
        assertEquals(expectedLines, caller.body().lines().toList(), "body of api/caller");
        assertEquals(vipStatus, get("api/caller/vip", token).statusCode(), "api/caller/vip");
        assertEquals(adminStatus, get("api/caller/admin", token).statusCode(),
                "api/caller/admin");
    }

    /** Sends a GET, with {@code Authorization: Bearer TOKEN} unless the token is null. */
    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Builds a URI on 127.0.0.1, the only listener address, whatever the adapter reports. */
    URI uri(String path) throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(),
                deploymentUrl.getPath() + path, null, null);
    }
}
