package dev.jwtee.servlet;

import dev.jwtee.core.principal.JwteePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as seen by the application after a token was verified: the caller comes from the
 * token, so untouched code that calls {@code getUserPrincipal()}, {@code getRemoteUser()} or
 * {@code isUserInRole()} sees it.
 */
final class JwteeRequest extends HttpServletRequestWrapper {

    /** The value of {@link #getAuthType()} for token-authenticated requests. */
    static final String AUTH_TYPE = "Bearer";

    private final JwteePrincipal principal;

    JwteeRequest(HttpServletRequest request, JwteePrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
