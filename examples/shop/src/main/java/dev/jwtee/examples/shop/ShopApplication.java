package dev.jwtee.examples.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * JAX-RS application of the example shop. Resource classes in this package are found by
 * scanning and served under {@code /api}.
 */
@ApplicationPath("/api")
public class ShopApplication extends Application {

    /**
     * Turns off Jersey's generated WADL document, which would list every resource, the
     * role-protected ones included, to any caller.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
