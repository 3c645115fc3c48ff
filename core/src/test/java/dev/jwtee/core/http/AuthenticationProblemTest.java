package dev.jwtee.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

class AuthenticationProblemTest {

    private static final String REALM = "shop";

    @Test
    void missingToken_body_isProblemJson() throws Exception {
        assertProblem(AuthenticationProblem.missingToken(REALM), 401, "Unauthorized");
    }

    @Test
    void missingToken_challenge_hasNoErrorCode() {
        String challenge = AuthenticationProblem.missingToken(REALM).challenge();

        assertEquals("Bearer realm=\"shop\"", challenge);
    }

    @Test
    void malformedHeader_body_isProblemJson() throws Exception {
        assertProblem(AuthenticationProblem.malformedHeader(REALM), 400, "Bad Request");
    }

    @Test
    void malformedHeader_challenge_invalidRequest() {
        String challenge = AuthenticationProblem.malformedHeader(REALM).challenge();

        assertTrue(challenge.startsWith("Bearer realm=\"shop\", error=\"invalid_request\""),
                challenge);
    }

    @Test
    void invalidToken_body_isProblemJson() throws Exception {
        AuthenticationProblem problem = AuthenticationProblem.invalidToken(REALM,
                new TokenRejectedException(Reason.EXPIRED));

        assertProblem(problem, 401, "Unauthorized");
    }

    @Test
    void invalidToken_challenge_invalidToken() {
        String challenge = AuthenticationProblem.invalidToken(REALM,
                new TokenRejectedException(Reason.EXPIRED)).challenge();

        assertTrue(challenge.startsWith("Bearer realm=\"shop\", error=\"invalid_token\""),
                challenge);
    }

    @Test
    void invalidToken_detail_isReasonDescription() throws Exception {
        String body = AuthenticationProblem.invalidToken(REALM,
                new TokenRejectedException(Reason.BAD_SIGNATURE)).body();

        assertEquals(Reason.BAD_SIGNATURE.description(), JsonUtil.parseJson(body).get("detail"));
    }

    @Test
    void invalidToken_everyReason_challengeHasNoInnerQuote() {
        for (Reason reason : Reason.values()) {
            String challenge = AuthenticationProblem.invalidToken(REALM,
                    new TokenRejectedException(reason)).challenge();
            String description = challenge.substring(challenge.indexOf("error_description=\"")
                    + "error_description=\"".length(), challenge.length() - 1);

            assertFalse(description.contains("\""), challenge);
            assertTrue(challenge.endsWith("\""), challenge);
        }
    }

    @Test
    void insufficientScope_body_isProblemJson() throws Exception {
        assertProblem(AuthenticationProblem.insufficientScope(REALM), 403, "Forbidden");
    }

    @Test
    void insufficientScope_challenge_insufficientScope() {
        String challenge = AuthenticationProblem.insufficientScope(REALM).challenge();

        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    }

    private static void assertProblem(AuthenticationProblem problem, int status, String title)
            throws Exception {
        Map<String, Object> body = JsonUtil.parseJson(problem.body());

        assertEquals(status, problem.status());
        assertEquals((long) status, body.get("status"));
        assertEquals(title, body.get("title"));
        assertTrue(body.get("detail") instanceof String, problem.body());
    }
}
