package dev.jwtee.examples.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Other JOSE libraries, set up once to check what jwtee checks: the signature with the one
 * algorithm of the key, {@code typ: at+jwt}, {@code iss} equal, {@code aud} containing the
 * audience, {@code sub}, {@code iat} and {@code exp} present, {@code exp} and {@code nbf} with
 * 30 seconds of skew. Each method throws when the token is rejected. Benchmark scope only.
 */
final class Peers {

    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private Peers() {
    }

    /** Returns a jose4j consumer with jose4j's own claim checks. */
    static JwtConsumer jose4j(BenchKeys keys) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(BenchKeys.SKEW_SECONDS)
                .setExpectedIssuer(BenchKeys.ISSUER)
                .setExpectedAudience(BenchKeys.ISSUER)
                .setExpectedType(true, "at+jwt")
                .setVerificationKey(keys.verificationKey())
                .setJwsAlgorithmConstraints(
                        new AlgorithmConstraints(ConstraintType.PERMIT, keys.algorithm))
                .build();
    }

    static JwtClaims jose4j(JwtConsumer consumer, String token) throws InvalidJwtException {
        return consumer.processToClaims(token);
    }

    /** Returns a Nimbus verifier of the key's algorithm. */
    static JWSVerifier nimbusVerifier(BenchKeys keys) throws JOSEException, ParseException {
        return switch (keys.algorithm) {
            case "HS256" -> new MACVerifier(keys.verificationKey().getEncoded());
            case "RS256", "PS256" -> new RSASSAVerifier((RSAPublicKey) keys.publicKey());
            case "ES256" -> new ECDSAVerifier((ECPublicKey) keys.publicKey());
            case "EdDSA" -> new Ed25519Verifier(OctetKeyPair.parse(keys.publicJwkJson()));
            default -> throw new IllegalArgumentException(keys.algorithm);
        };
    }

    /** Returns Nimbus's claims verifier with the checks listed above. */
    static JWTClaimsSetVerifier<SecurityContext> nimbusClaims() {
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                BenchKeys.ISSUER, new JWTClaimsSet.Builder().issuer(BenchKeys.ISSUER).build(),
                Set.of("sub", "iat", "exp"));
        claims.setMaxClockSkew(BenchKeys.SKEW_SECONDS);
        return claims;
    }

    static JWTClaimsSet nimbus(JWSVerifier verifier, JWTClaimsSetVerifier<SecurityContext> claims,
            JWSAlgorithm algorithm, String token)
            throws ParseException, JOSEException, BadJWTException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())
                || !AT_JWT.equals(jwt.getHeader().getType()) || !jwt.verify(verifier)) {
            throw new BadJWTException("rejected");
        }
        JWTClaimsSet set = jwt.getJWTClaimsSet();
        claims.verify(set, null);
        return set;
    }

    /** Returns a jjwt parser with the checks listed above that jjwt offers. */
    static JwtParser jjwt(BenchKeys keys) {
        var builder = Jwts.parser()
                .requireIssuer(BenchKeys.ISSUER)
                .requireAudience(BenchKeys.ISSUER)
                .clockSkewSeconds(BenchKeys.SKEW_SECONDS);
        if (keys.algorithm.equals("HS256")) {
            // jjwt wants the JCA name of the MAC on the key; jose4j names it AES.
            builder.verifyWith(new SecretKeySpec(keys.verificationKey().getEncoded(),
                    "HmacSHA256"));
        } else {
            builder.verifyWith(keys.publicKey());
        }
        return builder.build();
    }

    /** Adds the checks jjwt's parser has no option for: algorithm, type, sub and iat. */
    static Claims jjwt(JwtParser parser, String algorithm, String token) {
        Jws<Claims> jws = parser.parseSignedClaims(token);
        Claims claims = jws.getPayload();
        if (!algorithm.equals(jws.getHeader().getAlgorithm())
                || !"at+jwt".equalsIgnoreCase(jws.getHeader().getType())
                || claims.getSubject() == null || claims.getIssuedAt() == null
                || claims.getExpiration() == null) {
            throw new IllegalStateException("rejected");
        }
        return claims;
    }

    /** Returns a java-jwt verifier; java-jwt 4.5.0 has neither EdDSA nor PS256. */
    static JWTVerifier javaJwt(BenchKeys keys) {
        Algorithm algorithm = switch (keys.algorithm) {
            case "HS256" -> Algorithm.HMAC256(keys.verificationKey().getEncoded());
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) keys.publicKey(), null);
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) keys.publicKey(), null);
            default -> throw new UnsupportedOperationException(
                    "java-jwt has no " + keys.algorithm);
        };
        return JWT.require(algorithm)
                .withIssuer(BenchKeys.ISSUER)
                .withAudience(BenchKeys.ISSUER)
                .withClaimPresence("sub")
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .acceptLeeway(BenchKeys.SKEW_SECONDS)
                .build();
    }

    static DecodedJWT javaJwt(JWTVerifier verifier, String token) {
        DecodedJWT jwt = verifier.verify(token);
        if (!"at+jwt".equalsIgnoreCase(jwt.getType())) {
            throw new IllegalStateException("rejected");
        }
        return jwt;
    }
}
