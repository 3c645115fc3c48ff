package dev.jwtee.examples.shop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The VIP menu: {@code GET /api/vip}, for role {@code vip}. */
@Path("vip")
public class VipResource {

    /**
     * Returns the dishes only VIP customers may order.
     *
     * @return a JSON array of dish names
     */
    @GET
    @RolesAllowed("vip")
    @Produces(MediaType.APPLICATION_JSON)
    public String vipMenu() {
        return Json.createArrayBuilder().add("White truffle tagliolini").add("Aged wagyu")
                .build().toString();
    }
}
