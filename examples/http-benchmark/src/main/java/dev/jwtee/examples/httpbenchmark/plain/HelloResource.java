package dev.jwtee.examples.httpbenchmark.plain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/hello} without any security: the baseline of the HTTP benchmark. */
@Path("hello")
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
