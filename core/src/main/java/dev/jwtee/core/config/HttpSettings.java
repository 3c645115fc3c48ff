package dev.jwtee.core.config;

import java.time.Duration;
import java.util.List;

/**
 * HTTP-facing settings shared by the servlet filter and the JAX-RS provider. Immutable.
 *
 * @param realm the {@code realm} of the {@code WWW-Authenticate: Bearer} challenge
 * @param publicPaths servlet-style URL patterns served without a token
 * @param rejectInvalidTokenOnPublicPath whether a bad token on a public path gets a 401 instead
 *     of being served as anonymous
 * @param endpointsEnabled whether the filter answers the token and revocation paths itself
 * @param tokenPath path of the token endpoint, relative to the context root
 * @param revokePath path of the revocation endpoint, relative to the context root
 * @param jwksPath path of the JWKS document, relative to the context root
 * @param jwksMaxAge how long clients may cache the JWKS document
 * @param credentialValidator {@code container}, or the class name of a credential validator
 * @param probedRoles roles checked with {@code isUserInRole} by the container validator
 */
public record HttpSettings(
        String realm,
        List<String> publicPaths,
        boolean rejectInvalidTokenOnPublicPath,
        boolean endpointsEnabled,
        String tokenPath,
        String revokePath,
        String jwksPath,
        Duration jwksMaxAge,
        String credentialValidator,
        List<String> probedRoles) {

    static final String REALM = "jwtee.realm";
    static final String PUBLIC_PATHS = "jwtee.public-paths";
    static final String REJECT_ON_PUBLIC = "jwtee.public-paths.reject-invalid-token";
    static final String ENDPOINTS_ENABLED = "jwtee.endpoint.enabled";
    static final String TOKEN_PATH = "jwtee.endpoint.token-path";
    static final String REVOKE_PATH = "jwtee.endpoint.revoke-path";
    static final String JWKS_PATH = "jwtee.endpoint.jwks-path";
    static final String JWKS_MAX_AGE = "jwtee.endpoint.jwks-max-age";
    static final String VALIDATOR = "jwtee.credential-validator";
    static final String PROBED_ROLES = "jwtee.credential-validator.roles";

    /** The {@link #credentialValidator} value that delegates to the container's login. */
    public static final String CONTAINER_VALIDATOR = "container";

    /** Validates and copies the components. */
    public HttpSettings {
        if (!realm.matches("[\\x20-\\x7E&&[^\"\\\\]]+")) {
            throw new ConfigurationException(REALM,
                    "must be printable ASCII without quotes or backslashes");
        }
        publicPaths.forEach(pattern -> PathPattern.validate(PUBLIC_PATHS, pattern));
        requirePath(TOKEN_PATH, tokenPath);
        requirePath(REVOKE_PATH, revokePath);
        requirePath(JWKS_PATH, jwksPath);
        publicPaths = List.copyOf(publicPaths);
        probedRoles = List.copyOf(probedRoles);
    }

    static HttpSettings read(ConfigReader reader) {
        return new HttpSettings(
                reader.string(REALM).orElse("jwtee"),
                reader.list(PUBLIC_PATHS),
                reader.bool(REJECT_ON_PUBLIC, false),
                reader.bool(ENDPOINTS_ENABLED, true),
                reader.string(TOKEN_PATH).orElse("/auth/token"),
                reader.string(REVOKE_PATH).orElse("/auth/revoke"),
                reader.string(JWKS_PATH).orElse("/.well-known/jwks.json"),
                reader.seconds(JWKS_MAX_AGE, Duration.ofMinutes(5), Duration.ZERO,
                        Duration.ofDays(1)),
                reader.string(VALIDATOR).orElse(CONTAINER_VALIDATOR),
                reader.list(PROBED_ROLES));
    }

    /**
     * Tells whether {@code path} (relative to the context root) matches a public pattern.
     *
     * @param path the request path without the context path, never {@code null}
     * @return true if any pattern in {@link #publicPaths} matches
     */
    public boolean isPublic(String path) {
        for (String pattern : publicPaths) {
            if (PathPattern.matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private static void requirePath(String key, String path) {
        if (!path.startsWith("/") || path.contains("*") || path.contains("..")) {
            throw new ConfigurationException(key,
                    "invalid path '" + path + "'; expected an exact path starting with /");
        }
    }
}
