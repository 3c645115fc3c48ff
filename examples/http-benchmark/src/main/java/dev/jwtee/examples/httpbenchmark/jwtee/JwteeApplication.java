package dev.jwtee.examples.httpbenchmark.jwtee;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS application of the jwtee WARs: {@link HelloResource} under {@code /api}. The
 * servlet filter in {@code web.xml} authenticates, and {@code JwteeFeature}, found by scanning,
 * enforces {@code @RolesAllowed}.
 */
@ApplicationPath("/api")
public class JwteeApplication extends Application {
}
