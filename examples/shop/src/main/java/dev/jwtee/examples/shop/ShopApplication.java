package dev.jwtee.examples.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS application of the example shop. Resource classes in this package are found by
 * scanning and served under {@code /api}.
 */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
