package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.AUDIENCE;
import static dev.jwtee.core.token.TokenFixtures.NOW_SECONDS;
import static dev.jwtee.core.token.TokenFixtures.RSA;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaToken;
import static dev.jwtee.core.token.TokenFixtures.rsaVerifier;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Time, issuer, audience, required-claim and type checks of {@link TokenVerifier}. */
class TokenVerifierClaimsTest {

    private static final TokenVerifier SKEWED = TokenFixtures.verifier(
            TestKeys.signedBy(TokenFixtures.rsaKey("RS256")), Duration.ofSeconds(30));

    @Test
    void verify_validToken_accepted() throws Exception {
        VerifiedToken verified = rsaVerifier().verify(rsaToken(validClaims()));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_expiredToken_rejectsExpired() {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS - 60));

        assertEquals(Reason.EXPIRED, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_expiresNowZeroSkew_rejectsExpired() {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS));

        assertEquals(Reason.EXPIRED, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_expiresInOneSecond_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS + 1));

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals(NOW_SECONDS + 1, verified.expiresAt().getEpochSecond());
    }

    @Test
    void verify_expiredWithinSkew_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS - 29));

        VerifiedToken verified = SKEWED.verify(rsaToken(claims));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_expiredBySkew_rejectsExpired() {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS - 30));

        assertEquals(Reason.EXPIRED, rejection(SKEWED, rsaToken(claims)));
    }

    @Test
    void verify_notBeforeInFuture_rejectsNotYetValid() {
        JwtClaims claims = validClaims();
        claims.setNotBefore(NumericDate.fromSeconds(NOW_SECONDS + 60));

        assertEquals(Reason.NOT_YET_VALID, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_notBeforeWithinSkew_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setNotBefore(NumericDate.fromSeconds(NOW_SECONDS + 30));

        VerifiedToken verified = SKEWED.verify(rsaToken(claims));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_issuedAtBeyondSkew_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setIssuedAt(NumericDate.fromSeconds(NOW_SECONDS + 31));

        assertEquals(Reason.INVALID_CLAIM, rejection(SKEWED, rsaToken(claims)));
    }

    @Test
    void verify_issuedAtWithinSkew_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setIssuedAt(NumericDate.fromSeconds(NOW_SECONDS + 30));

        VerifiedToken verified = SKEWED.verify(rsaToken(claims));

        assertEquals(NOW_SECONDS + 30, verified.issuedAt().getEpochSecond());
    }

    @Test
    void verify_wrongIssuer_rejectsWrongIssuer() {
        JwtClaims claims = validClaims();
        claims.setIssuer("https://evil.example.test");

        assertEquals(Reason.WRONG_ISSUER, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_issuerWithTrailingSlash_rejectsWrongIssuer() {
        JwtClaims claims = validClaims();
        claims.setIssuer(TokenFixtures.ISSUER + "/");

        assertEquals(Reason.WRONG_ISSUER, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_wrongAudience_rejectsWrongAudience() {
        JwtClaims claims = validClaims();
        claims.setAudience("billing-api");

        assertEquals(Reason.WRONG_AUDIENCE, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_audienceArrayWithOurs_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.setAudience("billing-api", AUDIENCE);

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals(List.of("billing-api", AUDIENCE), verified.audiences());
    }

    @Test
    void verify_audienceArrayWithoutOurs_rejectsWrongAudience() {
        JwtClaims claims = validClaims();
        claims.setAudience("billing-api", "stock-api");

        assertEquals(Reason.WRONG_AUDIENCE, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_audienceNumber_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("aud", 42);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_missingAudience_rejectsMissingClaim() {
        assertEquals(Reason.MISSING_CLAIM, rejectionWithout("aud"));
    }

    @Test
    void verify_missingExpiry_rejectsMissingClaim() {
        assertEquals(Reason.MISSING_CLAIM, rejectionWithout("exp"));
    }

    @Test
    void verify_missingSubject_rejectsMissingClaim() {
        assertEquals(Reason.MISSING_CLAIM, rejectionWithout("sub"));
    }

    @Test
    void verify_subjectWithLineBreak_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setSubject("alice\r\nadmin");

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_missingIssuedAt_rejectsMissingClaim() {
        assertEquals(Reason.MISSING_CLAIM, rejectionWithout("iat"));
    }

    @Test
    void verify_missingIssuer_rejectsMissingClaim() {
        assertEquals(Reason.MISSING_CLAIM, rejectionWithout("iss"));
    }

    @Test
    void verify_missingNotBefore_accepted() throws Exception {
        JwtClaims claims = validClaims();
        claims.unsetClaim("nbf");

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_expiryDecimal_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("exp", NOW_SECONDS + 600.5);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_expiryString_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("exp", Long.toString(NOW_SECONDS + 600));

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_expiryNegative_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("exp", -1L);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_expiryHuge_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("exp", Long.MAX_VALUE);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_subjectBlank_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setSubject(" ");

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_groupsString_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("groups", "admin");

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_groupsNumbers_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("groups", List.of(1L, 2L));

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_missingGroups_givesNoGroups() throws Exception {
        JwtClaims claims = validClaims();
        claims.unsetClaim("groups");

        VerifiedToken verified = rsaVerifier().verify(rsaToken(claims));

        assertEquals(List.of(), verified.groups());
    }

    @Test
    void verify_tokenIdNumber_rejectsInvalidClaim() {
        JwtClaims claims = validClaims();
        claims.setClaim("jti", 7L);

        assertEquals(Reason.INVALID_CLAIM, rejection(rsaVerifier(), rsaToken(claims)));
    }

    @Test
    void verify_typeMissing_rejectsWrongType() {
        String token = TokenFixtures.sign(validClaims().toJson(), "RS256", "rsa-1", null,
                RSA.getPrivateKey());

        assertEquals(Reason.WRONG_TYPE, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_typeJwt_rejectsWrongType() {
        String token = TokenFixtures.sign(validClaims().toJson(), "RS256", "rsa-1", "JWT",
                RSA.getPrivateKey());

        assertEquals(Reason.WRONG_TYPE, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_typeApplicationAtJwt_accepted() throws Exception {
        String token = TokenFixtures.sign(validClaims().toJson(), "RS256", "rsa-1",
                "application/at+jwt", RSA.getPrivateKey());

        VerifiedToken verified = rsaVerifier().verify(token);

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_typeUpperCase_accepted() throws Exception {
        String token = TokenFixtures.sign(validClaims().toJson(), "RS256", "rsa-1", "AT+JWT",
                RSA.getPrivateKey());

        VerifiedToken verified = rsaVerifier().verify(token);

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_typeNotString_rejectsWrongType() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":7}";
        String token = TokenFixtures.signWithHeader(header, validClaims().toJson());

        assertEquals(Reason.WRONG_TYPE, rejection(rsaVerifier(), token));
    }

    private static Reason rejectionWithout(String claim) {
        JwtClaims claims = validClaims();
        claims.unsetClaim(claim);
        return rejection(rsaVerifier(), rsaToken(claims));
    }
}
