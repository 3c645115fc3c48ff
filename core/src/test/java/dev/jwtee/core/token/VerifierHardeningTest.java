package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.RSA;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaVerifier;
import static dev.jwtee.core.token.TokenFixtures.signWithHeader;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

/**
 * Rules of RFC 8725 and RFC 7515 that the verifier enforces on hostile input. Each test
 * builds every byte of its token, so that it fails if the rule it names is removed.
 */
class VerifierHardeningTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}";
    private static final String CLAIMS = validClaims().toJson();

    @Test
    void verify_exactHeaderAndClaims_accepted() throws Exception {
        VerifiedToken verified = rsaVerifier().verify(signWithHeader(HEADER, CLAIMS));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_duplicateHeaderName_rejectsMalformed() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"typ\":\"x\"}";

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_duplicateClaimName_rejectsMalformed() {
        String claims = CLAIMS.replaceFirst("\\{", "{\"sub\":\"mallory\",");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(HEADER, claims)));
    }

    @Test
    void verify_duplicateNameInNestedClaim_rejectsMalformed() {
        String claims = CLAIMS.replaceFirst("\\{", "{\"x\":{\"a\":1,\"a\":2},");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(HEADER, claims)));
    }

    @Test
    void verify_escapedDuplicateName_rejectsMalformed() {
        String claims = "{\"s\\u0075b\":\"mallory\"," + CLAIMS.substring(1);

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(HEADER, claims)));
    }

    @Test
    void verify_deeplyNestedClaim_rejectsMalformed() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        String claims = CLAIMS.replaceFirst("\\{", "{\"deep\":" + nested + ",");

        assertEquals(Reason.MALFORMED, rejection(new TokenVerifier(
                TokenFixtures.settingsWithMaxSize(400_000), TokenFixtures.rsaKeySet(),
                TokenFixtures.CLOCK), signWithHeader(HEADER, claims)));
    }

    @Test
    void verify_nestingAtLimit_accepted() throws Exception {
        int depth = StrictJson.MAX_DEPTH - 1;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String claims = CLAIMS.replaceFirst("\\{", "{\"deep\":" + nested + ",");

        VerifiedToken verified = rsaVerifier().verify(signWithHeader(HEADER, claims));

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_invalidUtf8InClaims_rejectsMalformed() {
        byte[] claims = CLAIMS.replace("alice", "al\u00e9ce").getBytes(StandardCharsets.UTF_8);
        claims[CLAIMS.indexOf("alice") + 2] = (byte) 0xC0;

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signRaw(HEADER, claims)));
    }

    @Test
    void verify_trailingDataAfterClaims_rejectsMalformed() {
        assertEquals(Reason.MALFORMED,
                rejection(rsaVerifier(), signWithHeader(HEADER, CLAIMS + "{}")));
    }

    @Test
    void verify_claimsNotObject_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(HEADER, "[1]")));
    }

    @Test
    void verify_critHeader_rejectsUnsupportedHeader() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\","
                + "\"crit\":[\"exp\"],\"exp\":1}";

        assertEquals(Reason.UNSUPPORTED_HEADER,
                rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_b64FalseHeader_rejectsUnsupportedHeader() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\","
                + "\"b64\":false,\"crit\":[\"b64\"]}";

        assertEquals(Reason.UNSUPPORTED_HEADER,
                rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_b64WithoutCrit_rejectsUnsupportedHeader() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"b64\":true}";

        assertEquals(Reason.UNSUPPORTED_HEADER,
                rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_zipOnSignature_rejectsUnsupportedHeader() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"zip\":\"DEF\"}";

        assertEquals(Reason.UNSUPPORTED_HEADER,
                rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_nullHeaderValue_rejectsMalformed() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"crit\":null}";

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_kidNotString_rejectsMalformed() {
        String header = "{\"alg\":\"RS256\",\"kid\":7,\"typ\":\"at+jwt\"}";

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_algCaseVariant_rejectsUnsupportedAlgorithm() {
        String header = "{\"alg\":\"rs256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}";

        assertEquals(Reason.UNSUPPORTED_ALGORITHM,
                rejection(rsaVerifier(), signWithHeader(header, CLAIMS)));
    }

    @Test
    void verify_embeddedJwkOfSigner_rejectsBadSignature() throws Exception {
        RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
        String jwk = attacker.toJson();
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"jwk\":" + jwk
                + ",\"jku\":\"http://127.0.0.1:1/keys\",\"x5u\":\"http://127.0.0.1:1/c\"}";

        String token = signRaw(header, CLAIMS.getBytes(StandardCharsets.UTF_8),
                attacker.getRsaPrivateKey());

        assertEquals(Reason.BAD_SIGNATURE, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_nonCanonicalBase64_rejectsMalformed() {
        String token = signWithHeader(HEADER, CLAIMS);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 1);
        char sibling = (char) (last ^ 1);
        String altered = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 1) + sibling;

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), altered));
    }

    @Test
    void verify_paddedSegment_rejectsMalformed() {
        String token = signWithHeader(HEADER, CLAIMS);

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token + "=="));
    }

    private static String signRaw(String header, byte[] payload) {
        return signRaw(header, payload, RSA.getRsaPrivateKey());
    }

    private static String signRaw(String header, byte[] payload,
            java.security.PrivateKey key) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String input = encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encoder.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test token could not be signed", e);
        }
    }
}
