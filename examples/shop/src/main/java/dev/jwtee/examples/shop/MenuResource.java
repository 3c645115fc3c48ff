package dev.jwtee.examples.shop;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public menu of the example shop: {@code GET /api/menu}. */
@Path("menu")
public class MenuResource {

    /**
     * Returns the dishes as a JSON array of objects with {@code id}, {@code name} and
     * {@code priceCents}.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String menu() {
        JsonArray dishes = Json.createArrayBuilder()
                .add(dish(1, "Margherita pizza", 950))
                .add(dish(2, "Mushroom risotto", 1250))
                .add(dish(3, "Tiramisu", 600))
                .build();
        return dishes.toString();
    }

    private static JsonObjectBuilder dish(int id, String name, int priceCents) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("priceCents", priceCents);
    }
}
