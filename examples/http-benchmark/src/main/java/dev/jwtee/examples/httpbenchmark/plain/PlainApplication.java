package dev.jwtee.examples.httpbenchmark.plain;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS application of the unprotected WAR: {@link HelloResource} under {@code /api}. */
@ApplicationPath("/api")
public class PlainApplication extends Application {
}
