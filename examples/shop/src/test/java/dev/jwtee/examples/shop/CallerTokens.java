package dev.jwtee.examples.shop;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.TokenIssuer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens and archive parts shared by the tests that put jwtee beside the server's MicroProfile
 * JWT. Every token is signed with the shop's ES256 demo key, which jwtee reads from its JWK set
 * file and MicroProfile JWT from the public JWK set in {@code mp.jwt.verify.publickey}.
 */
final class CallerTokens {

    /** {@code iss} and {@code aud} of every token, and the shop's {@code jwtee.issuer}. */
    static final String ISSUER = "http://127.0.0.1:8080/shop";

    /** The shop's demo JWK set, private key included. */
    static final Path DEMO_KEYS = Path.of("src/main/webapp/WEB-INF/demo-keys.json");

    private CallerTokens() {
    }

    /**
     * Signs {@code claims} with the demo key, after {@code iss}, {@code aud}, {@code iat},
     * {@code nbf}, {@code exp} (5 minutes) and a random {@code jti}.
     *
     * @param type the {@code typ} header, or null for none
     * @param claims further claims; a null value removes a standard claim set here
     * @return the compact JWS
     */
    static String mint(String type, Map<String, Object> claims) throws Exception {
        JwtClaims jwtClaims = new JwtClaims();
        long now = NumericDate.now().getValue();
        jwtClaims.setIssuer(ISSUER);
        jwtClaims.setAudience(ISSUER);
        jwtClaims.setIssuedAt(NumericDate.fromSeconds(now));
        jwtClaims.setNotBefore(NumericDate.fromSeconds(now));
        jwtClaims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        jwtClaims.setJwtId(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value == null) {
                jwtClaims.unsetClaim(name);
            } else {
                jwtClaims.setClaim(name, value);
            }
        });
        PublicJsonWebKey key = signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwtClaims.toJson());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        jws.setKeyIdHeaderValue(key.getKeyId());
        if (type != null) {
            jws.setHeader("typ", type);
        }
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }

    /**
     * Issues a token with jwtee's own issuer, as the token endpoint does ({@code typ: at+jwt}).
     *
     * @param subject the {@code sub} claim
     * @param groups the {@code groups} claim
     * @param claims further claims, such as {@code upn}
     * @return the compact JWS
     */
    static String issueWithJwtee(String subject, List<String> groups, Map<String, ?> claims)
            throws IOException {
        TokenIssuer issuer = new TokenIssuer(new TokenSettings(ISSUER, ISSUER,
                Duration.ofMinutes(5), Duration.ofSeconds(30), 8192, Set.of("at+jwt")),
                KeySetLoader.fromJwks(Files.readString(DEMO_KEYS)), Clock.systemUTC());
        return issuer.issue(subject, groups, claims).value();
    }

    /**
     * Returns {@code microprofile-config.properties} that make MicroProfile JWT accept the
     * demo key's tokens of {@link #ISSUER}, with that issuer as the required audience.
     */
    static StringAsset microProfileConfig() throws IOException, JoseException {
        String publicJwks = "{\"keys\":[" + signingKey().toJson(
                JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
        return new StringAsset("mp.jwt.verify.publickey=" + publicJwks + "\n"
                + "mp.jwt.verify.issuer=" + ISSUER + "\n"
                + "mp.jwt.verify.audiences=" + ISSUER + "\n");
    }

    /** Returns an empty WAR named {@code name} with the jars of the packaged shop. */
    static WebArchive warWithShopLibraries(String name) {
        WebArchive shop = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war"));
        return ShrinkWrap.create(WebArchive.class, name)
                .merge(shop, Filters.include("/WEB-INF/lib/.*"));
    }

    /** Returns the text of a file in the packaged shop WAR. */
    static String shopFile(String path) throws IOException {
        WebArchive shop = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war"));
        return new String(shop.get(path).getAsset().openStream().readAllBytes(),
                StandardCharsets.UTF_8);
    }

    private static PublicJsonWebKey signingKey() throws IOException, JoseException {
        JsonWebKey key = new JsonWebKeySet(Files.readString(DEMO_KEYS)).getJsonWebKeys().get(0);
        return (PublicJsonWebKey) key;
    }
}
