package dev.jwtee.core.token;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.EncryptionSettings;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.EncryptionKey;
import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens (RFC 9068 profile) with the key set's signing key: header {@code alg},
 * {@code kid} and {@code typ: at+jwt}; claims {@code iss}, {@code sub}, {@code aud},
 * {@code exp}, {@code iat}, {@code nbf}, {@code jti} and {@code groups}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenIssuer {

    /** Claims the issuer sets itself; application claims may not override them. */
    public static final Set<String> RESERVED_CLAIMS =
            Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "groups");

    private final TokenSettings settings;
    private final JwteeKey key;
    private final EncryptionSettings encryption;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates an issuer.
     *
     * @param settings issuer, audience and lifetime
     * @param keys the key set; its signing key signs
     * @param clock the clock for {@code iat} and {@code exp}
     * @throws ConfigurationException if no key can sign
     */
    public TokenIssuer(TokenSettings settings, KeySet keys, Clock clock) {
        this(settings, keys, EncryptionSettings.NONE, clock);
    }

    /**
     * Creates an issuer that also encrypts, when {@code encryption} names an encrypting key:
     * the signed token becomes the payload of a JWE with {@code cty: JWT} (RFC 7519 section
     * 5.2), so intermediaries see no claim.
     *
     * @param settings issuer, audience and lifetime
     * @param keys the key set; its signing key signs
     * @param encryption the encrypting key and content encryption, if any
     * @param clock the clock for {@code iat} and {@code exp}
     * @throws ConfigurationException if no key can sign
     */
    public TokenIssuer(TokenSettings settings, KeySet keys, EncryptionSettings encryption,
            Clock clock) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.key = keys.signingKey().orElseThrow(() -> new ConfigurationException(
                "jwtee.keys.signing-kid", "no configured key can sign; issuing needs a private"
                        + " key or an HMAC secret"));
    }

    /**
     * Issues an access token for {@code subject}.
     *
     * @param subject the caller's name, written to {@code sub}; not blank
     * @param groups role names written to {@code groups}; may be empty
     * @param claims further application claims; none of {@link #RESERVED_CLAIMS}
     * @return the signed token and its times
     * @throws IllegalArgumentException if the subject is blank or a reserved claim is given
     */
    public IssuedToken issue(String subject, Collection<String> groups, Map<String, ?> claims) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        for (String name : claims.keySet()) {
            if (RESERVED_CLAIMS.contains(name)) {
                throw new IllegalArgumentException("claim '" + name + "' is set by the issuer");
            }
        }
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(settings.accessTokenLifetime());
        String tokenId = randomId();

        JwtClaims jwtClaims = new JwtClaims();
        claims.forEach(jwtClaims::setClaim);
        jwtClaims.setIssuer(settings.issuer());
        jwtClaims.setSubject(subject);
        jwtClaims.setAudience(settings.audience());
        jwtClaims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        jwtClaims.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        jwtClaims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        jwtClaims.setJwtId(tokenId);
        jwtClaims.setStringListClaim("groups", new ArrayList<>(groups));

        String signed = sign(jwtClaims.toJson());
        String token = encryption.encryptingKey().map(jweKey -> encrypt(signed, jweKey))
                .orElse(signed);
        return new IssuedToken(token, tokenId, issuedAt, expiresAt);
    }

    private String encrypt(String signed, EncryptionKey jweKey) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(signed);
        jwe.setAlgorithmHeaderValue(jweKey.algorithm());
        jwe.setEncryptionMethodHeaderParameter(encryption.contentEncryption());
        jwe.setKeyIdHeaderValue(jweKey.keyId());
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setKey(jweKey.encryptionKey());
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("encrypting with key '" + jweKey.keyId()
                    + "' failed", e);
        }
    }

    private String sign(String payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(key.algorithm());
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key.signingKey().orElseThrow());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing with key '" + key.keyId() + "' failed", e);
        }
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
