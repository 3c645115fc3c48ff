package dev.jwtee.examples.shop.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * Prints the caller as JAX-RS and the servlet request see it, so that tests can compare what
 * jwtee and the server's MicroProfile JWT make of the same token. Deployed unchanged under
 * either mechanism.
 */
@Path("caller")
public class CallerResource {

    /** Roles probed by {@link #describe}, in output order. */
    public static final List<String> ROLES = List.of("customer", "vip", "admin");

    /**
     * Returns {@code text/plain} lines {@code name=}, {@code remoteUser=}, then per role
     * {@code ROLE=SECURITY_CONTEXT_ANSWER/REQUEST_ANSWER}, for example {@code vip=true/true}.
     *
     * @param security the JAX-RS security context
     * @param request the servlet request
     * @return the lines, each ending in a newline
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String describe(@Context SecurityContext security,
            @Context HttpServletRequest request) {
        Principal principal = security.getUserPrincipal();
        StringBuilder out = new StringBuilder()
                .append("name=").append(principal == null ? null : principal.getName())
                .append('\n')
                .append("remoteUser=").append(request.getRemoteUser()).append('\n');
        for (String role : ROLES) {
            out.append(role).append('=').append(security.isUserInRole(role)).append('/')
                    .append(request.isUserInRole(role)).append('\n');
        }
        return out.toString();
    }

    /**
     * Returns {@code vip} to callers in role {@code vip}.
     *
     * @return the text {@code vip}
     */
    @GET
    @Path("vip")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("vip")
    public String vip() {
        return "vip";
    }

    /**
     * Returns {@code admin} to callers in role {@code admin}.
     *
     * @return the text {@code admin}
     */
    @GET
    @Path("admin")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("admin")
    public String admin() {
        return "admin";
    }
}
