package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.AUDIENCE;
import static dev.jwtee.core.token.TokenFixtures.CLOCK;
import static dev.jwtee.core.token.TokenFixtures.ISSUER;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaKey;
import static dev.jwtee.core.token.TokenFixtures.rsaToken;
import static dev.jwtee.core.token.TokenFixtures.rsaVerifier;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which claim names the caller, and how a malformed name claim is refused. */
class CallerNameTest {

    @Test
    void verify_onlySubject_nameIsSubject() throws Exception {
        VerifiedToken verified = rsaVerifier().verify(rsaToken(validClaims()));

        assertEquals("alice", verified.name());
        assertEquals("alice", new JwteePrincipal(verified, Set.of()).getName());
    }

    @Test
    void verify_upnAndPreferredUsername_nameIsUpn() throws Exception {
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "alice@example.com");
        claims.setClaim("preferred_username", "ally");

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals("alice@example.com", new JwteePrincipal(verified, Set.of()).getName());
        assertEquals("alice", verified.subject(), "sub stays available");
    }

    @Test
    void verify_preferredUsernameOnly_nameIsPreferredUsername() throws Exception {
        JwtClaims claims = validClaims();
        claims.setClaim("preferred_username", "ally");

        assertEquals("ally", rsaVerifier().verify(rsaToken(claims)).name());
    }

    @Test
    void verify_upnNumber_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("upn", 42);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_upnBlank_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "  ");

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_laterNameClaimWithLineBreak_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "alice@example.com");
        claims.setClaim("preferred_username", "ally\nadmin");

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u2028admin=true", "alice\u2029", "alice\u202eeurt",
        "ali\u200bce", "alice\ufeff", "alice\u0085", "alice\u007f"})
    void verify_nameWithSpoofingCharacter_rejectsInvalidClaim(String name) {
        JwtClaims upn = validClaims();
        upn.setClaim("upn", name);
        JwtClaims subject = validClaims();
        subject.setSubject(name);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(upn)), "upn");
        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(subject)), "sub");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin\u0000", "admin\u2028", "ad\u200dmin"})
    void verify_groupWithSpoofingCharacter_rejectsInvalidClaim(String group) {
        JwtClaims claims = validClaims();
        claims.setStringListClaim("groups", "customer", group);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_nonAsciiLettersAndEmoji_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "Zo\u00eb \u5f20\u4f1f \ud83d\ude00");
        claims.setStringListClaim("groups", "caf\u00e9");

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals("Zo\u00eb \u5f20\u4f1f \ud83d\ude00", verified.name());
        assertEquals(List.of("caf\u00e9"), verified.groups());
    }

    @Test
    void verify_configuredNameClaims_followsConfiguredOrder() throws Exception {
        TokenVerifier verifier = verifierNamingBy(List.of("email", "sub"));
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "alice@example.com");
        claims.setClaim("email", "alice@mail.example");

        assertEquals("alice@mail.example", verifier.verify(rsaToken(claims)).name());
    }

    @Test
    void verify_configuredClaimAbsent_fallsBackToSubject() throws Exception {
        TokenVerifier verifier = verifierNamingBy(List.of("email"));
        JwtClaims claims = validClaims();
        claims.setClaim("upn", "alice@example.com");

        assertEquals("alice", verifier.verify(rsaToken(claims)).name());
    }

    @Test
    void verify_unlistedClaimMalformed_accepted() throws Exception {
        TokenVerifier verifier = verifierNamingBy(List.of("sub"));
        JwtClaims claims = validClaims();
        claims.setClaim("upn", 42);

        assertEquals("alice", verifier.verify(rsaToken(claims)).name());
    }

    @Test
    void settings_duplicateNameClaim_rejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settingsNamingBy(List.of("upn", "upn")));

        assertTrue(e.getMessage().contains("jwtee.token.name-claims"), e.getMessage());
    }

    @Test
    void settings_nameClaimWithSpace_rejected() {
        assertThrows(ConfigurationException.class, () -> settingsNamingBy(List.of("user name")));
    }

    @Test
    void settings_noNameClaims_rejected() {
        assertThrows(ConfigurationException.class, () -> settingsNamingBy(List.of()));
    }

    private static TokenVerifier verifierNamingBy(List<String> claims) {
        return new TokenVerifier(settingsNamingBy(claims), TestKeys.signedBy(rsaKey("RS256")),
                CLOCK);
    }

    private static TokenSettings settingsNamingBy(List<String> claims) {
        return new TokenSettings(ISSUER, AUDIENCE, Duration.ofMinutes(15), Duration.ZERO, 8192,
                Set.of("at+jwt"), claims);
    }
}
