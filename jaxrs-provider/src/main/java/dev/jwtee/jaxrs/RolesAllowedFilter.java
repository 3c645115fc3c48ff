package dev.jwtee.jaxrs;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.http.AuthenticationProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * Enforces the access rule resolved for one resource method: 401 with a challenge when there
 * is no caller, 403 {@code insufficient_scope} when the caller has none of the allowed roles or
 * the method denies everyone. Immutable and thread-safe.
 *
 * <p>The priority is one below {@code AUTHORIZATION}, so this filter runs before a server's own
 * {@code @RolesAllowed} filter at that priority. RESTEasy's, which runs when
 * {@code resteasy.role.based.security} is on, would otherwise respond 403 without the challenge.
 */
@Priority(Priorities.AUTHORIZATION - 1)
final class RolesAllowedFilter implements ContainerRequestFilter {

    private final Set<String> allowedRoles;
    private final DeploymentHolder deployment;

    /**
     * Creates a filter.
     *
     * @param allowedRoles the roles of which the caller needs one; empty denies everyone
     * @param deployment supplies the challenge realm
     */
    RolesAllowedFilter(Set<String> allowedRoles, DeploymentHolder deployment) {
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.deployment = deployment;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String realm;
        try {
            realm = deployment.resolve(request).config().http().realm();
        } catch (ConfigurationException e) {
            request.abortWith(Problems.notConfigured());
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(Problems.toResponse(AuthenticationProblem.missingToken(realm)));
            return;
        }
        for (String role : allowedRoles) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        request.abortWith(Problems.toResponse(AuthenticationProblem.insufficientScope(realm)));
    }
}
