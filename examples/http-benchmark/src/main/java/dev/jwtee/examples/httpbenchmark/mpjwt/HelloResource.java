package dev.jwtee.examples.httpbenchmark.mpjwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/hello} for role {@code bench}, behind the server's MicroProfile JWT. */
@Path("hello")
@RolesAllowed("bench")
public class HelloResource {

    /**
     * Returns a fixed short text.
     *
     * @return {@code hello}
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }
}
