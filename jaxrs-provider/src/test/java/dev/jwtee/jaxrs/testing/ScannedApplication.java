package dev.jwtee.jaxrs.testing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Registration by scanning: {@code getClasses()} and {@code getSingletons()} stay empty, so the
 * runtime finds {@link CatalogResource} and, in the WAR's libraries, the {@code @Provider}
 * {@code JwteeFeature}.
 */
@ApplicationPath("api")
public class ScannedApplication extends Application {
}
