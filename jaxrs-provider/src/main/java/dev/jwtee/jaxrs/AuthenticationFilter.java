package dev.jwtee.jaxrs;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.http.AuthenticationProblem;
import dev.jwtee.core.http.BearerHeader;
import dev.jwtee.core.http.RequestAttributes;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.token.TokenRejectedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Sets the request's {@code SecurityContext} from the access token. When the servlet filter has
 * already processed the request, its verified caller is reused and the token is not verified a
 * second time; otherwise this filter reads the {@code Authorization} header itself. A missing
 * token leaves the request anonymous, for {@link RolesAllowedFilter} to decide; a bad one is
 * answered with 401 {@code invalid_token}. Immutable and thread-safe.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    private final DeploymentHolder deployment;

    AuthenticationFilter(DeploymentHolder deployment) {
        this.deployment = deployment;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (Boolean.TRUE.equals(request.getProperty(RequestAttributes.PROCESSED))) {
            if (request.getProperty(RequestAttributes.PRINCIPAL) instanceof JwteePrincipal caller) {
                setCaller(request, caller);
            }
            return;
        }
        List<String> values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        BearerHeader header = BearerHeader.parse(values == null ? List.of() : values);
        Jwtee jwtee;
        try {
            jwtee = deployment.resolve(request);
        } catch (ConfigurationException e) {
            request.abortWith(Problems.notConfigured());
            return;
        }
        String realm = jwtee.config().http().realm();
        switch (header.kind()) {
            case TOKEN:
                try {
                    JwteePrincipal caller = jwtee.authenticate(header.token());
                    request.setProperty(RequestAttributes.PRINCIPAL, caller);
                    setCaller(request, caller);
                } catch (TokenRejectedException e) {
                    request.abortWith(Problems.toResponse(
                            AuthenticationProblem.invalidToken(realm, e)));
                }
                return;
            case MALFORMED:
                request.abortWith(Problems.toResponse(
                        AuthenticationProblem.malformedHeader(realm)));
                return;
            default:
                return;
        }
    }

    private static void setCaller(ContainerRequestContext request, JwteePrincipal caller) {
        boolean secure = request.getSecurityContext() != null
                && request.getSecurityContext().isSecure();
        request.setSecurityContext(new JwteeSecurityContext(caller, secure));
    }
}
