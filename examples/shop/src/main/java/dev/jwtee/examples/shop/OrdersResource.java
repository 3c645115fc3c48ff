package dev.jwtee.examples.shop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The caller's orders: {@code GET /api/orders}, for role {@code customer}. */
@Path("orders")
@RolesAllowed("customer")
public class OrdersResource {

    /**
     * Returns the caller's name and a fixed list of orders as JSON.
     *
     * @param security the request's security context, set by jwtee from the access token
     * @return a JSON object with {@code customer} and {@code orders}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String orders(@Context SecurityContext security) {
        return Json.createObjectBuilder()
                .add("customer", security.getUserPrincipal().getName())
                .add("orders", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", 1001).add("dish", "Tiramisu")))
                .build()
                .toString();
    }
}
