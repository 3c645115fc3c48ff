package dev.jwtee.jaxrs.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The resource of the JAX-RS-only test WARs: one open method and two role-protected ones. */
@Path("catalog")
@Produces(MediaType.TEXT_PLAIN)
public class CatalogResource {

    /**
     * Returns a fixed text to any caller.
     *
     * @return {@code open}
     */
    @GET
    @Path("open")
    @PermitAll
    public String open() {
        return "open";
    }

    /**
     * Returns the caller's name as the JAX-RS security context reports it.
     *
     * @param security the request's security context
     * @return the caller's name
     */
    @GET
    @Path("mine")
    @RolesAllowed("customer")
    public String mine(@Context SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    /**
     * Returns a fixed text to administrators.
     *
     * @return {@code admin}
     */
    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin";
    }
}
