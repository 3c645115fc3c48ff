package dev.jwtee.jaxrs;

import dev.jwtee.core.http.JwksDocument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Publishes the deployment's public signature keys at {@code .well-known/jwks.json} below the
 * JAX-RS application path. {@link JwteeFeature} responds to requests for it with a filter, which
 * sees the request and so finds the deployment; the method body runs only when the feature is
 * not registered. Needs no token.
 */
@Path(".well-known/jwks.json")
public class JwksResource {

    /**
     * Responds when {@link JwteeFeature} is not registered, which leaves no deployment to read.
     *
     * @return 404
     */
    @GET
    @Produces(JwksDocument.CONTENT_TYPE)
    public Response jwks() {
        return Response.status(Response.Status.NOT_FOUND).build();
    }
}
