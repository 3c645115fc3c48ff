package dev.jwtee.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An access token whose signature and claims {@link TokenVerifier} has checked. Only the
 * verifier can create one, so holding an instance proves the checks ran.
 *
 * <p>Immutable and thread-safe. The claim map is an unmodifiable copy of the top level; nested
 * JSON values are shared and must not be changed. {@link #toString()} shows no claim values
 * beyond the subject and token id.
 */
public final class VerifiedToken {

    private final String subject;
    private final String name;
    private final String issuer;
    private final List<String> audiences;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String tokenId;
    private final List<String> groups;
    private final String keyId;
    private final String algorithm;
    private final Map<String, Object> claims;

    @SuppressWarnings("checkstyle:ParameterNumber")
    VerifiedToken(String subject, String name, String issuer, List<String> audiences,
            Instant issuedAt, Instant expiresAt, String tokenId, List<String> groups, String keyId,
            String algorithm, Map<String, Object> claims) {
        this.subject = subject;
        this.name = name;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.tokenId = tokenId;
        this.groups = List.copyOf(groups);
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.claims = Map.copyOf(claims);
    }

    /**
     * Returns the {@code sub} claim, the identifier the issuer gave the caller.
     *
     * @return never {@code null} or blank
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns the caller's name: the first of the configured name claims
     * ({@code jwtee.token.name-claims}: {@code upn}, {@code preferred_username}, {@code sub}
     * unless set) that the token has.
     *
     * @return never {@code null} or blank
     */
    public String name() {
        return name;
    }

    /**
     * Returns the {@code iss} claim.
     *
     * @return never {@code null}
     */
    public String issuer() {
        return issuer;
    }

    /**
     * Returns the {@code aud} claim as a list, one entry when the claim was a string.
     *
     * @return never {@code null}; unmodifiable
     */
    public List<String> audiences() {
        return audiences;
    }

    /**
     * Returns the {@code iat} claim.
     *
     * @return never {@code null}
     */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Returns the {@code exp} claim.
     *
     * @return never {@code null}
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns the {@code jti} claim.
     *
     * @return the token id, or empty when the token has none
     */
    public Optional<String> tokenId() {
        return Optional.ofNullable(tokenId);
    }

    /**
     * Returns the {@code groups} claim (MicroProfile JWT), empty when absent.
     *
     * @return never {@code null}; unmodifiable
     */
    public List<String> groups() {
        return groups;
    }

    /**
     * Returns the {@code kid} of the key that verified the signature.
     *
     * @return never {@code null}
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Returns the JWS algorithm that was verified.
     *
     * @return never {@code null}
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Returns one claim as parsed from JSON: a {@code String}, {@code Long}, {@code Double},
     * {@code Boolean}, {@code List} or {@code Map}.
     *
     * @param name the claim name
     * @return the value, or empty when the claim is absent or JSON {@code null}
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /**
     * Returns every claim with a non-null value.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + subject + ", jti=" + tokenId + ", exp=" + expiresAt + "]";
    }
}
