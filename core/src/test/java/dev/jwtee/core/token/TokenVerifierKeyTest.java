package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.EC;
import static dev.jwtee.core.token.TokenFixtures.OTHER_RSA;
import static dev.jwtee.core.token.TokenFixtures.RSA;
import static dev.jwtee.core.token.TokenFixtures.compact;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaVerifier;
import static dev.jwtee.core.token.TokenFixtures.sign;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Duration;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** Key lookup, signature and algorithm checks of {@link TokenVerifier}. */
class TokenVerifierKeyTest {

    private static final String PAYLOAD = validClaims().toJson();

    @Test
    void verify_otherKeySameKid_rejectsBadSignature() {
        String token = sign(PAYLOAD, "RS256", "rsa-1", "at+jwt", OTHER_RSA.getPrivateKey());

        assertEquals(Reason.BAD_SIGNATURE, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_tamperedPayload_rejectsBadSignature() {
        String token = TokenFixtures.rsaToken(validClaims());
        String[] parts = token.split("\\.");
        String forged = validClaims().toJson().replace("alice", "admin");
        String tampered = parts[0] + "." + TokenFixtures.encode(forged) + "." + parts[2];

        assertEquals(Reason.BAD_SIGNATURE, rejection(rsaVerifier(), tampered));
    }

    @Test
    void verify_unknownKid_rejectsUnknownKey() {
        String token = sign(PAYLOAD, "RS256", "rsa-9", "at+jwt", RSA.getPrivateKey());

        assertEquals(Reason.UNKNOWN_KEY, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_noKidOneKey_accepted() throws Exception {
        String token = sign(PAYLOAD, "RS256", null, "at+jwt", RSA.getPrivateKey());

        VerifiedToken verified = rsaVerifier().verify(token);

        assertEquals("alice", verified.subject());
    }

    @Test
    void verify_noKidOneKey_reportsKeyId() throws Exception {
        String token = sign(PAYLOAD, "RS256", null, "at+jwt", RSA.getPrivateKey());

        VerifiedToken verified = rsaVerifier().verify(token);

        assertEquals("rsa-1", verified.keyId(), "VerifiedToken.keyId() is documented non-null");
    }

    @Test
    void verify_noKidTwoKeys_rejectsUnknownKey() {
        TokenVerifier verifier = TokenFixtures.verifier(TestKeys.signedBy(
                TokenFixtures.rsaKey("RS256"), TokenFixtures.ecKey()), Duration.ZERO);
        String token = sign(PAYLOAD, "RS256", null, "at+jwt", RSA.getPrivateKey());

        assertEquals(Reason.UNKNOWN_KEY, rejection(verifier, token));
    }

    @Test
    void verify_secondKeyByKid_accepted() throws Exception {
        TokenVerifier verifier = TokenFixtures.verifier(TestKeys.signedBy(
                TokenFixtures.rsaKey("RS256"), TokenFixtures.ecKey()), Duration.ZERO);
        String token = sign(PAYLOAD, "ES256", "ec-1", "at+jwt", EC.getPrivateKey());

        VerifiedToken verified = verifier.verify(token);

        assertEquals("ec-1", verified.keyId());
    }

    @Test
    void verify_algNoneNoSignature_rejectsUnsupportedAlgorithm() {
        String token = compact(noneHeader("none"), PAYLOAD, "");

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_algNoneWithSignature_rejectsUnsupportedAlgorithm() {
        String real = TokenFixtures.rsaToken(validClaims());
        String signature = real.substring(real.lastIndexOf('.') + 1);
        String token = compact(noneHeader("none"), PAYLOAD, signature);

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_algNoneUpperCase_rejectsUnsupportedAlgorithm() {
        String token = compact(noneHeader("NONE"), PAYLOAD, "");

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_algNoneCapitalized_rejectsUnsupportedAlgorithm() {
        String token = compact(noneHeader("None"), PAYLOAD, "");

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_algNoneSignedByJose4j_rejectsUnsupportedAlgorithm() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(PAYLOAD);
        jws.setAlgorithmHeaderValue("none");
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        assertEquals(Reason.UNSUPPORTED_ALGORITHM,
                rejection(rsaVerifier(), jws.getCompactSerialization()));
    }

    @Test
    void verify_algMissing_rejectsMalformed() {
        String token = TokenFixtures.signWithHeader("{\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}",
                PAYLOAD);

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_hmacRsaBytes_rejected() {
        String token = sign(PAYLOAD, "HS256", "rsa-1", "at+jwt",
                new HmacKey(RSA.getPublicKey().getEncoded()));

        assertThrows(TokenRejectedException.class, () -> rsaVerifier().verify(token));
    }

    @Test
    void verify_hmacRsaBytes_rejectsUnsupportedAlgorithm() {
        String token = sign(PAYLOAD, "HS256", "rsa-1", "at+jwt",
                new HmacKey(RSA.getPublicKey().getEncoded()));

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_hmacRsaBytesNoKid_rejectsUnsupportedAlgorithm() {
        String token = sign(PAYLOAD, "HS256", null, "at+jwt",
                new HmacKey(RSA.getPublicKey().getEncoded()));

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_hs256OnRsaKidBothAllowed_rejectsMismatch() {
        KeySet keys = TestKeys.signedBy(TokenFixtures.rsaKey("RS256"), TokenFixtures.hmacKey());
        TokenVerifier verifier = TokenFixtures.verifier(keys, Duration.ZERO);
        String token = sign(PAYLOAD, "HS256", "rsa-1", "at+jwt",
                new HmacKey(RSA.getPublicKey().getEncoded()));

        assertEquals(Reason.ALGORITHM_MISMATCH, rejection(verifier, token));
    }

    @Test
    void verify_ps256OnRs256Key_rejectsUnsupportedAlgorithm() {
        String token = sign(PAYLOAD, "PS256", "rsa-1", "at+jwt", RSA.getPrivateKey());

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_ps256OnRs256KidBothAllowed_rejectsMismatch() {
        KeySet keys = TestKeys.signedBy(TokenFixtures.rsaKey("RS256"), TestKeys.key("rsa-2",
                "PS256", OTHER_RSA.getPublicKey(), OTHER_RSA.getPrivateKey()));
        TokenVerifier verifier = TokenFixtures.verifier(keys, Duration.ZERO);
        String token = sign(PAYLOAD, "PS256", "rsa-1", "at+jwt", RSA.getPrivateKey());

        assertEquals(Reason.ALGORITHM_MISMATCH, rejection(verifier, token));
    }

    @Test
    void verify_embeddedJwkHeader_ignored() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(PAYLOAD);
        jws.setAlgorithmHeaderValue("RS256");
        jws.setHeader("typ", "at+jwt");
        jws.setJwkHeader(OTHER_RSA);
        jws.setKey(OTHER_RSA.getPrivateKey());

        assertEquals(Reason.BAD_SIGNATURE,
                rejection(rsaVerifier(), jws.getCompactSerialization()));
    }

    private static String noneHeader(String algorithm) {
        return "{\"alg\":\"" + algorithm + "\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}";
    }
}
