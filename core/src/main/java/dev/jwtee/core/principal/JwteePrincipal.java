package dev.jwtee.core.principal;

import dev.jwtee.core.token.VerifiedToken;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The caller of one request: the verified access token and the roles mapped from it. Returned
 * by {@code getUserPrincipal()} and the JAX-RS {@code SecurityContext}. Immutable.
 */
public final class JwteePrincipal implements Principal {

    private final VerifiedToken token;
    private final Set<String> roles;

    /**
     * Creates a principal.
     *
     * @param token the verified token, never {@code null}
     * @param roles the caller's roles, never {@code null}
     */
    public JwteePrincipal(VerifiedToken token, Set<String> roles) {
        this.token = Objects.requireNonNull(token, "token");
        this.roles = Set.copyOf(roles);
    }

    /**
     * Returns the caller's name, {@link VerifiedToken#name()}: by default the {@code upn}
     * claim, else {@code preferred_username}, else {@code sub}, as MicroProfile JWT names the
     * caller.
     *
     * @return never {@code null}
     */
    @Override
    public String getName() {
        return token.name();
    }

    /**
     * Returns the verified token, for access to further claims.
     *
     * @return never {@code null}
     */
    public VerifiedToken token() {
        return token;
    }

    /**
     * Returns the caller's roles.
     *
     * @return an unmodifiable set
     */
    public Set<String> roles() {
        return roles;
    }

    /**
     * Tells whether the caller has {@code role}. The servlet role name {@code **} matches any
     * authenticated caller.
     *
     * @param role a role name; {@code null} matches nothing
     * @return true if the caller has the role
     */
    public boolean hasRole(String role) {
        return role != null && (role.equals("**") || roles.contains(role));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwteePrincipal principal && principal.token == token;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(token);
    }

    @Override
    public String toString() {
        return "JwteePrincipal[" + token.name() + ", roles=" + roles + "]";
    }
}
