package dev.jwtee.examples.shop;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Shop administration under {@code /api/admin}, for role {@code admin}. */
@Path("admin")
@RolesAllowed("admin")
public class AdminResource {

    /**
     * Returns sales figures: {@code GET /api/admin/stats}.
     *
     * @return a JSON object with order and revenue counts
     */
    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public String stats() {
        return Json.createObjectBuilder().add("ordersToday", 42).add("revenueCents", 51_300)
                .build().toString();
    }

    /**
     * Would wipe every order: {@code POST /api/admin/reset}. Closed to everyone, admins
     * included, to show that a method's {@code @DenyAll} overrides the class's roles.
     *
     * @return never returns; jwtee answers 403 first
     */
    @POST
    @Path("reset")
    @DenyAll
    public String reset() {
        return "reset";
    }
}
