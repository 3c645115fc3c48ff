package dev.jwtee.jaxrs;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.http.JwksDocument;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Responds to requests for {@link JwksResource} with the deployment's JWK set document, its
 * {@code ETag} and {@code Cache-Control}, and 304 for a matching {@code If-None-Match}.
 * Immutable and thread-safe.
 */
@Priority(Priorities.AUTHENTICATION)
final class JwksFilter implements ContainerRequestFilter {

    private final DeploymentHolder deployment;

    JwksFilter(DeploymentHolder deployment) {
        this.deployment = deployment;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<JwksDocument> document;
        try {
            document = deployment.resolve(request).jwksDocument();
        } catch (ConfigurationException e) {
            request.abortWith(Problems.notConfigured());
            return;
        }
        if (document.isEmpty()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
            return;
        }
        JwksDocument jwks = document.get();
        Response.ResponseBuilder response = jwks.matches(
                request.getHeaderString(HttpHeaders.IF_NONE_MATCH))
                ? Response.notModified()
                : Response.ok(jwks.json(), JwksDocument.CONTENT_TYPE);
        request.abortWith(response
                .tag(EntityTag.valueOf(jwks.entityTag()))
                .header(HttpHeaders.CACHE_CONTROL, jwks.cacheControl())
                .build());
    }
}
