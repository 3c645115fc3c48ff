package dev.jwtee.core.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.refresh.InMemoryRefreshTokenStore;
import dev.jwtee.core.refresh.RefreshTokenRecord;
import dev.jwtee.core.refresh.RefreshTokenStore;
import dev.jwtee.core.refresh.RotationOutcome;
import dev.jwtee.core.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"),
            ZoneOffset.UTC);
    private static final String PASSWORD = "correct horse battery staple";
    private static final CredentialValidator VALIDATOR = (username, password) ->
            username.equals("alice") && new String(password).equals(PASSWORD)
                    ? Optional.of(new Caller("alice", Set.of("user")))
                    : Optional.empty();

    private Jwtee jwtee;
    private TokenEndpoint endpoint;

    @BeforeEach
    void build() {
        jwtee = jwtee(Map.of(), new InMemoryRefreshTokenStore());
        endpoint = jwtee.tokenEndpoint().orElseThrow();
    }

    @AfterEach
    void close() {
        jwtee.close();
    }

    @Test
    void password_valid_returns200() {
        EndpointResponse response = endpoint.token(signIn(PASSWORD), VALIDATOR);

        assertEquals(200, response.status());
    }

    @Test
    void password_valid_sendsNoStore() {
        EndpointResponse response = endpoint.token(signIn(PASSWORD), VALIDATOR);

        assertEquals("no-store", response.headers().get("Cache-Control"));
    }

    @Test
    void password_valid_bodyHasBearerPair() throws Exception {
        Map<String, Object> body = json(endpoint.token(signIn(PASSWORD), VALIDATOR));

        assertTrue(body.get("access_token") instanceof String, body.toString());
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(900L, body.get("expires_in"));
        assertTrue(body.get("refresh_token") instanceof String, body.toString());
    }

    @Test
    void password_valid_accessTokenVerifies() throws Exception {
        Map<String, Object> body = json(endpoint.token(signIn(PASSWORD), VALIDATOR));

        VerifiedToken verified = jwtee.verifier().verify((String) body.get("access_token"));

        assertEquals("alice", verified.subject());
        assertEquals(List.of("user"), verified.groups());
    }

    @Test
    void password_wrongPassword_rejectsInvalidGrant() throws Exception {
        EndpointResponse response = endpoint.token(signIn("wrong"), VALIDATOR);

        assertEquals(400, response.status());
        assertEquals("invalid_grant", json(response).get("error"));
    }

    @Test
    void password_wrongPassword_sameDescriptionAsUnknownUser() throws Exception {
        Map<String, Object> wrongPassword = json(endpoint.token(signIn("wrong"), VALIDATOR));
        Map<String, List<String>> unknownUser = new HashMap<>(signIn(PASSWORD));
        unknownUser.put("username", List.of("mallory"));

        Map<String, Object> unknown = json(endpoint.token(unknownUser, VALIDATOR));

        assertEquals(unknown.get("error_description"), wrongPassword.get("error_description"));
    }

    @Test
    void password_rejected_sendsNoStore() {
        EndpointResponse response = endpoint.token(signIn("wrong"), VALIDATOR);

        assertEquals("no-store", response.headers().get("Cache-Control"));
    }

    @Test
    void token_missingGrantType_rejectsInvalidRequest() throws Exception {
        EndpointResponse response = endpoint.token(Map.of("username", List.of("alice"),
                "password", List.of(PASSWORD)), VALIDATOR);

        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void password_missingUsername_rejectsInvalidRequest() throws Exception {
        EndpointResponse response = endpoint.token(Map.of("grant_type", List.of("password"),
                "password", List.of(PASSWORD)), VALIDATOR);

        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void password_emptyPassword_rejectsInvalidRequest() throws Exception {
        EndpointResponse response = endpoint.token(Map.of("grant_type", List.of("password"),
                "username", List.of("alice"), "password", List.of("")), VALIDATOR);

        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void token_repeatedParameter_rejectsInvalidRequest() throws Exception {
        Map<String, List<String>> parameters = new HashMap<>(signIn(PASSWORD));
        parameters.put("username", List.of("alice", "bob"));

        EndpointResponse response = endpoint.token(parameters, VALIDATOR);

        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void token_oversizedParameter_rejectsInvalidRequest() throws Exception {
        Map<String, List<String>> parameters = new HashMap<>(signIn(PASSWORD));
        parameters.put("password", List.of("x".repeat(5000)));

        EndpointResponse response = endpoint.token(parameters, VALIDATOR);

        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void token_unsupportedGrant_rejectsUnsupportedGrantType() throws Exception {
        EndpointResponse response = endpoint.token(
                Map.of("grant_type", List.of("client_credentials")), VALIDATOR);

        assertEquals(400, response.status());
        assertEquals("unsupported_grant_type", json(response).get("error"));
    }

    @Test
    void refresh_valid_returnsNewPair() throws Exception {
        String refreshToken = signInRefreshToken();

        Map<String, Object> body = json(endpoint.token(refresh(refreshToken), VALIDATOR));

        assertNotEquals(refreshToken, body.get("refresh_token"));
        assertTrue(body.get("refresh_token") instanceof String, body.toString());
    }

    @Test
    void refresh_valid_accessTokenVerifies() throws Exception {
        Map<String, Object> body = json(endpoint.token(refresh(signInRefreshToken()),
                VALIDATOR));

        VerifiedToken verified = jwtee.verifier().verify((String) body.get("access_token"));

        assertEquals("alice", verified.subject());
        assertEquals(List.of("user"), verified.groups());
    }

    @Test
    void refresh_replayed_rejectsInvalidGrant() throws Exception {
        String refreshToken = signInRefreshToken();
        endpoint.token(refresh(refreshToken), VALIDATOR);

        EndpointResponse replay = endpoint.token(refresh(refreshToken), VALIDATOR);

        assertEquals(400, replay.status());
        assertEquals("invalid_grant", json(replay).get("error"));
    }

    @Test
    void refresh_missingToken_rejectsInvalidRequest() throws Exception {
        EndpointResponse response = endpoint.token(
                Map.of("grant_type", List.of("refresh_token")), VALIDATOR);

        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void refresh_disabled_rejectsUnsupportedGrantType() throws Exception {
        try (Jwtee disabled = jwtee(Map.of("jwtee.refresh.enabled", "false"), null)) {
            TokenEndpoint withoutRefresh = disabled.tokenEndpoint().orElseThrow();

            EndpointResponse response = withoutRefresh.token(refresh("A".repeat(43)),
                    VALIDATOR);

            assertEquals(400, response.status());
            assertEquals("unsupported_grant_type", json(response).get("error"));
        }
    }

    @Test
    void password_refreshDisabled_omitsRefreshToken() throws Exception {
        try (Jwtee disabled = jwtee(Map.of("jwtee.refresh.enabled", "false"), null)) {
            TokenEndpoint withoutRefresh = disabled.tokenEndpoint().orElseThrow();

            Map<String, Object> body = json(withoutRefresh.token(signIn(PASSWORD), VALIDATOR));

            assertFalse(body.containsKey("refresh_token"), body.toString());
        }
    }

    @Test
    void revoke_unknownToken_returns200EmptyBody() {
        EndpointResponse response = endpoint.revoke(Map.of("token", List.of("A".repeat(43))));

        assertEquals(200, response.status());
        assertEquals("", response.body());
    }

    @Test
    void revoke_issuedToken_refreshThenRejected() throws Exception {
        String refreshToken = signInRefreshToken();
        endpoint.revoke(Map.of("token", List.of(refreshToken)));

        EndpointResponse response = endpoint.token(refresh(refreshToken), VALIDATOR);

        assertEquals("invalid_grant", json(response).get("error"));
    }

    @Test
    void revoke_missingToken_rejects400() throws Exception {
        EndpointResponse response = endpoint.revoke(Map.of());

        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).get("error"));
    }

    @Test
    void password_storeFails_returns503() throws Exception {
        try (Jwtee failing = jwtee(Map.of(), new FailingStore())) {
            EndpointResponse response = failing.tokenEndpoint().orElseThrow()
                    .token(signIn(PASSWORD), VALIDATOR);

            assertEquals(503, response.status());
            assertEquals("temporarily_unavailable", json(response).get("error"));
        }
    }

    @Test
    void password_storeFails_bodyHidesException() {
        try (Jwtee failing = jwtee(Map.of(), new FailingStore())) {
            EndpointResponse response = failing.tokenEndpoint().orElseThrow()
                    .token(signIn(PASSWORD), VALIDATOR);

            assertFalse(response.body().contains(FailingStore.MESSAGE), response.body());
            assertFalse(response.body().contains("Exception"), response.body());
            assertFalse(response.body().contains("\tat "), response.body());
        }
    }

    @Test
    void refresh_storeFails_returns503() throws Exception {
        try (Jwtee failing = jwtee(Map.of(), new FailingStore())) {
            EndpointResponse response = failing.tokenEndpoint().orElseThrow()
                    .token(refresh("A".repeat(43)), VALIDATOR);

            assertEquals(503, response.status());
            assertEquals("temporarily_unavailable", json(response).get("error"));
        }
    }

    @Test
    void revoke_storeFails_returns503() throws Exception {
        try (Jwtee failing = jwtee(Map.of(), new FailingStore())) {
            EndpointResponse response = failing.tokenEndpoint().orElseThrow()
                    .revoke(Map.of("token", List.of("A".repeat(43))));

            assertEquals(503, response.status());
            assertEquals("temporarily_unavailable", json(response).get("error"));
        }
    }

    private String signInRefreshToken() throws JoseException {
        return (String) json(endpoint.token(signIn(PASSWORD), VALIDATOR)).get("refresh_token");
    }

    private static Jwtee jwtee(Map<String, String> extra, RefreshTokenStore store) {
        Map<String, String> values = new HashMap<>();
        values.put("jwtee.issuer", "https://auth.example.test");
        values.put("jwtee.keys.hmac-secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        values.put("jwtee.refresh.store", "memory");
        values.putAll(extra);
        Jwtee.Builder builder = Jwtee.builder(JwteeConfig.read(ConfigSources.of("test", values)))
                .clock(CLOCK);
        if (store != null) {
            builder.refreshTokenStore(store);
        }
        return builder.build();
    }

    private static Map<String, List<String>> signIn(String password) {
        return Map.of("grant_type", List.of("password"), "username", List.of("alice"),
                "password", List.of(password));
    }

    private static Map<String, List<String>> refresh(String refreshToken) {
        return Map.of("grant_type", List.of("refresh_token"),
                "refresh_token", List.of(refreshToken));
    }

    private static Map<String, Object> json(EndpointResponse response) throws JoseException {
        return JsonUtil.parseJson(response.body());
    }

    /** A store whose database is down. */
    private static final class FailingStore implements RefreshTokenStore {

        static final String MESSAGE = "connection refused to db-host:5432";

        @Override
        public void insert(RefreshTokenRecord record) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public RotationOutcome rotate(String tokenHash, Instant now, Duration gracePeriod,
                UnaryOperator<RefreshTokenRecord> successor) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public Optional<RefreshTokenRecord> find(String tokenHash) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public int revokeFamily(String familyId, Instant now) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public int revokeSubject(String subject, Instant now) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public int purge(Instant now, Instant revokedBefore, int limit) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
