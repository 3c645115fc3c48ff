package dev.jwtee.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every configuration key jwtee reads, so that a misspelled key can be reported instead of
 * being ignored in silence. The README's configuration table lists the same keys.
 */
public final class ConfigKeys {

    /** The prefix of every jwtee key. */
    public static final String PREFIX = "jwtee.";

    /** Prefix of system properties that jwtee's own build passes to its tests. */
    static final String BUILD_PREFIX = "jwtee.test.";

    /** The build property naming the JOSE test vector folder. */
    static final String VECTORS_PROPERTY = "jwtee.vectors.dir";

    /**
     * The context-param that makes the servlet filter jar register the filter itself:
     * {@code none}, {@code first} or {@code last}. Only context-params set it, because it
     * changes the application's filter chain.
     */
    public static final String FILTER_REGISTRATION = "jwtee.filter.registration";

    /** Every key jwtee reads. */
    public static final Set<String> KNOWN = Set.of(
            "jwtee.issuer", "jwtee.audience", "jwtee.access-token.lifetime", "jwtee.clock-skew",
            "jwtee.token.max-size", "jwtee.token.types", "jwtee.token.name-claims",
            "jwtee.token.cache-size",
            "jwtee.token.cache-max-age", "jwtee.algorithms",
            "jwtee.keys.hmac-secret", "jwtee.keys.hmac-kid", "jwtee.keys.hmac-algorithm",
            "jwtee.keys.jwks-file", "jwtee.keys.pem-file", "jwtee.keys.pem-kid",
            "jwtee.keys.pem-algorithm", "jwtee.keys.signing-kid",
            "jwtee.keys.jwks-url", "jwtee.keys.jwks-url.refetch-interval",
            "jwtee.keys.jwks-url.default-max-age", "jwtee.keys.jwks-url.connect-timeout",
            "jwtee.keys.jwks-url.read-timeout",
            "jwtee.keys.pkcs12-file", "jwtee.keys.pkcs12-password", "jwtee.keys.pkcs12-aliases",
            "jwtee.keys.pkcs12-algorithm",
            "jwtee.encryption.jwks-file", "jwtee.encryption.secret",
            "jwtee.encryption.secret-kid", "jwtee.encryption.required",
            "jwtee.encryption.encrypt-kid", "jwtee.encryption.content-encryption",
            "jwtee.refresh.enabled", "jwtee.refresh.store", "jwtee.refresh.idle-lifetime",
            "jwtee.refresh.absolute-lifetime", "jwtee.refresh.grace-period",
            "jwtee.refresh.purge-interval", "jwtee.refresh.revoked-retention",
            "jwtee.refresh.role-refresher",
            "jwtee.jpa.data-source", "jwtee.jpa.url", "jwtee.jpa.user", "jwtee.jpa.password",
            "jwtee.realm", "jwtee.public-paths", "jwtee.public-paths.reject-invalid-token",
            "jwtee.endpoint.enabled", "jwtee.endpoint.token-path", "jwtee.endpoint.revoke-path",
            "jwtee.endpoint.jwks-path", "jwtee.endpoint.jwks-max-age",
            "jwtee.credential-validator", "jwtee.credential-validator.roles",
            FILTER_REGISTRATION);

    private static final Set<String> KNOWN_ENVIRONMENT_NAMES = Set.copyOf(
            KNOWN.stream().map(ConfigSources::environmentName).toList());

    private ConfigKeys() {
    }

    /**
     * Returns the names that look like jwtee keys but are not known: names starting with
     * {@value #PREFIX}, or environment variable names starting with {@code JWTEE_}.
     *
     * @param names parameter, property or variable names
     * @return the unknown ones, sorted
     */
    public static List<String> unknown(Collection<String> names) {
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(BUILD_PREFIX) || name.equals(VECTORS_PROPERTY)) {
                continue;
            }
            if (name.startsWith(PREFIX) && !KNOWN.contains(name)) {
                unknown.add(name);
            } else if (name.toUpperCase(Locale.ROOT).equals(name) && name.startsWith("JWTEE_")
                    && !KNOWN_ENVIRONMENT_NAMES.contains(name)) {
                unknown.add(name);
            }
        }
        return List.copyOf(unknown);
    }
}
