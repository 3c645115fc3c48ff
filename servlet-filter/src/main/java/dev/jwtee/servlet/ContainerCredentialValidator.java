package dev.jwtee.servlet;

import dev.jwtee.core.endpoint.Caller;
import dev.jwtee.core.endpoint.CredentialValidator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks credentials against the container's realm through {@link HttpServletRequest#login}.
 * The container does not list a user's roles, so the roles named in
 * {@code jwtee.credential-validator.roles} are probed with {@code isUserInRole}. Bound to one
 * request; create one per sign-in.
 */
final class ContainerCredentialValidator implements CredentialValidator {

    private static final System.Logger LOG =
            System.getLogger(ContainerCredentialValidator.class.getName());

    private final HttpServletRequest request;
    private final List<String> probedRoles;

    ContainerCredentialValidator(HttpServletRequest request, List<String> probedRoles) {
        this.request = request;
        this.probedRoles = probedRoles;
    }

    @Override
    public Optional<Caller> validate(String username, char[] password) {
        try {
            request.login(username, new String(password));
        } catch (ServletException e) {
            LOG.log(Level.DEBUG, "Container login rejected the credentials");
            return Optional.empty();
        }
        try {
            Principal principal = request.getUserPrincipal();
            if (principal == null) {
                return Optional.empty();
            }
            Set<String> roles = new HashSet<>();
            for (String role : probedRoles) {
                if (request.isUserInRole(role)) {
                    roles.add(role);
                }
            }
            return Optional.of(new Caller(principal.getName(), roles));
        } finally {
            logout();
        }
    }

    private void logout() {
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.WARNING, "Container logout after a sign-in check failed", e);
        }
    }
}
