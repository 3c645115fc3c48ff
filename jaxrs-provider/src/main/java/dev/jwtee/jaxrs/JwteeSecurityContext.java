package dev.jwtee.jaxrs;

import dev.jwtee.core.principal.JwteePrincipal;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The JAX-RS {@link SecurityContext} of a request whose access token was verified. Immutable.
 */
final class JwteeSecurityContext implements SecurityContext {

    /** The authentication scheme reported for token-authenticated requests. */
    static final String SCHEME = "Bearer";

    private final JwteePrincipal principal;
    private final boolean secure;

    JwteeSecurityContext(JwteePrincipal principal, boolean secure) {
        this.principal = principal;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}
