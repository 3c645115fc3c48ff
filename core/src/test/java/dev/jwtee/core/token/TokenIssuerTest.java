package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.AUDIENCE;
import static dev.jwtee.core.token.TokenFixtures.CLOCK;
import static dev.jwtee.core.token.TokenFixtures.ISSUER;
import static dev.jwtee.core.token.TokenFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @Test
    void roundTrip_hs256_verifies() throws Exception {
        assertRoundTrip(TokenFixtures.hmacKey());
    }

    @Test
    void roundTrip_rs256_verifies() throws Exception {
        assertRoundTrip(TokenFixtures.rsaKey("RS256"));
    }

    @Test
    void roundTrip_ps256_verifies() throws Exception {
        assertRoundTrip(TokenFixtures.rsaKey("PS256"));
    }

    @Test
    void roundTrip_es256_verifies() throws Exception {
        assertRoundTrip(TokenFixtures.ecKey());
    }

    @Test
    void roundTrip_edDsa_verifies() throws Exception {
        assertRoundTrip(TokenFixtures.edKey());
    }

    @Test
    void issue_header_hasAccessTokenTypeAndKid() throws Exception {
        IssuedToken token = issuer(TokenFixtures.ecKey()).issue("alice", List.of(), Map.of());

        JsonWebStructure jws = JsonWebSignature.fromCompactSerialization(token.value());

        assertEquals("at+jwt", jws.getHeader("typ"));
        assertEquals("ec-1", jws.getKeyIdHeaderValue());
    }

    @Test
    void issue_defaultConfig_livesFifteenMinutes() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", Map.of(
                "jwtee.issuer", ISSUER,
                "jwtee.keys.hmac-secret", TokenFixtures.HMAC_SECRET_BASE64)));
        TokenIssuer issuer = new TokenIssuer(config.token(), config.keys(), CLOCK);

        IssuedToken token = issuer.issue("alice", List.of(), Map.of());

        assertEquals(Duration.ofMinutes(15), Duration.between(token.issuedAt(),
                token.expiresAt()));
    }

    @Test
    void issue_times_followClock() {
        IssuedToken token = issuer(TokenFixtures.hmacKey()).issue("alice", List.of(), Map.of());

        assertEquals(NOW, token.issuedAt());
    }

    @Test
    void issue_extraClaim_isVerifiable() throws Exception {
        JwteeKey key = TokenFixtures.hmacKey();
        IssuedToken token = issuer(key).issue("alice", List.of(), Map.of("tenant", "acme"));

        VerifiedToken verified = TokenFixtures.verifier(TestKeys.signedBy(key), Duration.ZERO)
                .verify(token.value());

        assertEquals("acme", verified.claim("tenant").orElseThrow());
    }

    @Test
    void issue_reservedClaim_rejected() {
        TokenIssuer issuer = issuer(TokenFixtures.hmacKey());

        for (String name : TokenIssuer.RESERVED_CLAIMS) {
            assertThrows(IllegalArgumentException.class,
                    () -> issuer.issue("alice", List.of(), Map.of(name, "x")), name);
        }
    }

    @Test
    void issue_blankSubject_rejected() {
        TokenIssuer issuer = issuer(TokenFixtures.hmacKey());

        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(" ", List.of(), Map.of()));
    }

    @Test
    void issue_nullSubject_rejected() {
        TokenIssuer issuer = issuer(TokenFixtures.hmacKey());

        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(null, List.of(), Map.of()));
    }

    @Test
    void constructor_verifyOnlyKeys_rejected() {
        KeySet keys = TestKeys.verifyOnly(TestKeys.key("rsa-1", "RS256",
                TokenFixtures.RSA.getPublicKey(), null));

        assertThrows(ConfigurationException.class,
                () -> new TokenIssuer(TokenFixtures.settings(Duration.ZERO), keys, CLOCK));
    }

    private static TokenIssuer issuer(JwteeKey key) {
        return new TokenIssuer(TokenFixtures.settings(Duration.ZERO), TestKeys.signedBy(key),
                CLOCK);
    }

    private static void assertRoundTrip(JwteeKey key) throws TokenRejectedException {
        KeySet keys = TestKeys.signedBy(key);
        IssuedToken issued = issuer(key).issue("alice", List.of("user", "admin"), Map.of());

        VerifiedToken verified = TokenFixtures.verifier(keys, Duration.ZERO)
                .verify(issued.value());

        assertEquals("alice", verified.subject());
        assertEquals(List.of("user", "admin"), verified.groups());
        assertEquals(ISSUER, verified.issuer());
        assertEquals(List.of(AUDIENCE), verified.audiences());
        assertEquals(issued.tokenId(), verified.tokenId().orElseThrow());
        assertEquals(key.keyId(), verified.keyId());
        assertEquals(key.algorithm(), verified.algorithm());
        assertEquals(issued.expiresAt(), verified.expiresAt());
    }
}
