package dev.jwtee.core.token;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Keys, settings and token builders shared by the token tests. */
final class TokenFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final long NOW_SECONDS = NOW.getEpochSecond();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://auth.example.test";
    static final String AUDIENCE = "orders-api";

    static final byte[] HMAC_SECRET =
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String HMAC_SECRET_BASE64 = Base64.getEncoder().encodeToString(HMAC_SECRET);
    static final HmacKey HMAC = new HmacKey(HMAC_SECRET);
    static final RsaJsonWebKey RSA = rsa();
    static final RsaJsonWebKey OTHER_RSA = rsa();
    static final EllipticCurveJsonWebKey EC = ec();
    static final OctetKeyPairJsonWebKey ED = ed25519();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenFixtures() {
    }

    static TokenSettings settings(Duration clockSkew) {
        return new TokenSettings(ISSUER, AUDIENCE, Duration.ofMinutes(15), clockSkew, 8192,
                Set.of("at+jwt"));
    }

    static JwteeKey hmacKey() {
        return TestKeys.key("hmac-1", "HS256", HMAC, HMAC);
    }

    static JwteeKey rsaKey(String algorithm) {
        return TestKeys.key("rsa-1", algorithm, RSA.getPublicKey(), RSA.getPrivateKey());
    }

    static JwteeKey ecKey() {
        return TestKeys.key("ec-1", "ES256", EC.getPublicKey(), EC.getPrivateKey());
    }

    static JwteeKey edKey() {
        return TestKeys.key("ed-1", "EdDSA", ED.getPublicKey(), ED.getPrivateKey());
    }

    /** Returns a verifier over an RS256 key {@code rsa-1} with no clock skew. */
    static TokenVerifier rsaVerifier() {
        return new TokenVerifier(settings(Duration.ZERO), TestKeys.signedBy(rsaKey("RS256")),
                CLOCK);
    }

    static TokenSettings settingsWithMaxSize(int maxTokenBytes) {
        return new TokenSettings(ISSUER, AUDIENCE, Duration.ofMinutes(15), Duration.ZERO,
                maxTokenBytes, Set.of("at+jwt"));
    }

    static KeySet rsaKeySet() {
        return TestKeys.signedBy(rsaKey("RS256"));
    }

    static TokenVerifier verifier(KeySet keys, Duration clockSkew) {
        return new TokenVerifier(settings(clockSkew), keys, CLOCK);
    }

    /** Returns claims that pass every check: issued a minute ago, expiring in ten minutes. */
    static JwtClaims validClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("alice");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW_SECONDS - 60));
        claims.setNotBefore(NumericDate.fromSeconds(NOW_SECONDS - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW_SECONDS + 600));
        claims.setJwtId("token-1");
        claims.setStringListClaim("groups", "user", "admin");
        return claims;
    }

    /** Signs {@code claims} with the RSA key as RS256, kid {@code rsa-1}, typ at+jwt. */
    static String rsaToken(JwtClaims claims) {
        return sign(claims.toJson(), "RS256", "rsa-1", "at+jwt", RSA.getPrivateKey());
    }

    /**
     * Signs {@code payload} with jose4j, skipping its key checks so that tests can build
     * hostile tokens.
     *
     * @param kid the kid header, or {@code null} for none
     * @param type the typ header, or {@code null} for none
     */
    static String sign(String payload, String algorithm, String kid, String type, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (type != null) {
            jws.setHeader("typ", type);
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("test token could not be signed", e);
        }
    }

    /**
     * Signs the exact header and payload texts as RS256 with the RSA key, so that tests control
     * every byte that jose4j would otherwise write itself.
     */
    static String signWithHeader(String headerJson, String payload) {
        String signingInput = encode(headerJson) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(RSA.getPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test token could not be signed", e);
        }
    }

    /** Joins base64url-encoded header and payload texts with a raw signature segment. */
    static String compact(String headerJson, String payloadJson, String signature) {
        return encode(headerJson) + "." + encode(payloadJson) + "." + signature;
    }

    static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Reason rejection(TokenVerifier verifier, String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason();
    }

    private static RsaJsonWebKey rsa() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EllipticCurveJsonWebKey ec() {
        try {
            return EcJwkGenerator.generateJwk(EllipticCurves.P256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OctetKeyPairJsonWebKey ed25519() {
        try {
            return OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
