package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.compact;
import static dev.jwtee.core.token.TokenFixtures.encode;
import static dev.jwtee.core.token.TokenFixtures.rejection;
import static dev.jwtee.core.token.TokenFixtures.rsaVerifier;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Size and shape checks of {@link TokenVerifier}, which run before any decoding. */
class TokenVerifierShapeTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}";

    @Test
    void verify_oversizedToken_rejectsTooLarge() {
        JwtClaims claims = validClaims();
        claims.setClaim("padding", "x".repeat(9000));

        assertEquals(Reason.TOO_LARGE, rejection(rsaVerifier(), TokenFixtures.rsaToken(claims)));
    }

    @Test
    void verify_oversizedGarbage_rejectsTooLarge() {
        assertEquals(Reason.TOO_LARGE, rejection(rsaVerifier(), "a".repeat(8193)));
    }

    @Test
    void verify_null_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), null));
    }

    @Test
    void verify_empty_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), ""));
    }

    @Test
    void verify_oneSegment_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), "abc"));
    }

    @Test
    void verify_twoSegments_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), "a.b"));
    }

    @Test
    void verify_threeShortSegments_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), "a.b.c"));
    }

    @Test
    void verify_fourSegments_rejectsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), "a.b.c.d"));
    }

    @Test
    void verify_jweShape_rejectsWrongForm() {
        String header = encode("{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"typ\":\"at+jwt\"}");
        String token = header + "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";

        assertEquals(Reason.WRONG_FORM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_jweShapeNoEmptySegment_rejectsWrongForm() {
        String header = encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}");
        String token = header + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";

        assertEquals(Reason.WRONG_FORM, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_emptyHeaderSegment_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());

        assertEquals(Reason.MALFORMED,
                rejection(rsaVerifier(), valid.substring(valid.indexOf('.'))));
    }

    @Test
    void verify_emptyPayloadSegment_rejectsBadSignature() {
        assertEquals(Reason.BAD_SIGNATURE, rejection(rsaVerifier(), encode(HEADER) + "..c2ln"));
    }

    @Test
    void verify_standardBase64Characters_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), valid.replace('-', '+')
                .replace('_', '/') + "+/"));
    }

    @Test
    void verify_paddingCharacter_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), valid + "="));
    }

    @Test
    void verify_whitespace_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), valid + " "));
    }

    @Test
    void verify_nonAsciiCharacter_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), "\u00e9" + valid));
    }

    @Test
    void verify_headerNotJson_rejectsMalformed() {
        String token = compact("not json", validClaims().toJson(), "c2ln");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_headerJsonArray_rejectsMalformed() {
        String token = compact("[\"RS256\"]", validClaims().toJson(), "c2ln");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_payloadNotJson_rejectsMalformed() {
        String token = TokenFixtures.signWithHeader(HEADER, "not json");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_payloadJsonArray_rejectsMalformed() {
        String token = TokenFixtures.signWithHeader(HEADER, "[1,2]");

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_oneCharacterSignature_rejectsMalformed() {
        String valid = TokenFixtures.rsaToken(validClaims());
        String token = valid.substring(0, valid.lastIndexOf('.') + 1) + "A";

        assertEquals(Reason.MALFORMED, rejection(rsaVerifier(), token));
    }

    @Test
    void verify_alteredSignatureEnd_rejectsBadSignature() {
        String valid = TokenFixtures.rsaToken(validClaims());
        String token = valid.substring(0, valid.length() - 4) + "AAAA";

        assertEquals(Reason.BAD_SIGNATURE, rejection(rsaVerifier(), token));
    }
}
