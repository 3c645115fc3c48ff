package dev.jwtee.jaxrs.testing;

import dev.jwtee.core.Jwtee;
import dev.jwtee.jaxrs.JwteeFeature;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.slf4j.LoggerFactory;

/**
 * Builds the JAX-RS-only test WARs and mints their access tokens. A WAR contains
 * {@link CatalogResource}, one application class, jwtee-core, jwtee-jaxrs-provider, jose4j and
 * SLF4J, but no servlet filter. Its jwtee configuration comes from
 * {@code META-INF/microprofile-config.properties}, with an HMAC secret drawn at random for each
 * test JVM, so that only this class can mint tokens that the WAR accepts.
 *
 * <p>WildFly needs no descriptor of its own for these WARs: RESTEasy enforces
 * {@code @RolesAllowed} only when {@code resteasy.role.based.security} is on, which it is not.
 * Payara Micro needs {@code payara-web.xml}, which its tests add to the archive.
 */
public final class JaxrsOnlyWar {

    /** Issuer and audience of the tokens that the WARs accept. */
    public static final String ISSUER = "https://catalog.example.com";

    /** Realm that {@code microprofile-config.properties} sets. */
    public static final String MICROPROFILE_REALM = "catalog";

    private static final byte[] SECRET = randomSecret();

    private JaxrsOnlyWar() {
    }

    /**
     * Creates a WAR named {@code name}.war with {@code application} as its JAX-RS application.
     *
     * @param name the archive's name, which is also its context root
     * @param application the {@code Application} subclass
     * @return the archive
     */
    public static WebArchive create(String name, Class<?> application) {
        String configuration = String.join("\n",
                "jwtee.issuer=" + ISSUER,
                "jwtee.keys.hmac-secret=" + Base64.getEncoder().encodeToString(SECRET),
                "jwtee.realm=" + MICROPROFILE_REALM,
                "");
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(CatalogResource.class, application)
                .addAsResource(new StringAsset(configuration),
                        "META-INF/microprofile-config.properties");
        for (Class<?> type : List.of(Jwtee.class, JwteeFeature.class, JwtClaims.class,
                LoggerFactory.class)) {
            war.addAsLibrary(libraryOf(type));
        }
        return war;
    }

    /**
     * Mints an access token as a jwtee server would issue it, signed with the WARs' secret.
     *
     * @param subject the {@code sub} claim
     * @param groups the roles
     * @return the compact JWS
     */
    public static String token(String subject, String... groups) {
        return sign(SECRET, subject, groups);
    }

    /**
     * Mints a token like {@link #token} but signed with another secret, as a forger would.
     *
     * @param subject the {@code sub} claim
     * @param groups the roles
     * @return the compact JWS
     */
    public static String forgedToken(String subject, String... groups) {
        return sign(randomSecret(), subject, groups);
    }

    private static String sign(byte[] secret, String subject, String... groups) {
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("iat", now);
        claims.setClaim("nbf", now);
        claims.setClaim("exp", now + 300);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", groups);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("hmac");
        jws.setHeader("typ", "at+jwt");
        jws.setKey(new HmacKey(secret));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing a test token failed", e);
        }
    }

    /**
     * Returns the jar that {@code type} was loaded from, or a jar made from its classes folder
     * when the reactor put the folder on the test class path.
     */
    private static JavaArchive libraryOf(Class<?> type) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("No file location for " + type, e);
        }
        File file = location.toFile();
        if (Files.isDirectory(location)) {
            String name = type.getPackageName().replace('.', '-') + ".jar";
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(file)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, file);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
