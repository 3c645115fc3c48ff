package dev.jwtee.jaxrs.testing;

import dev.jwtee.jaxrs.JwteeFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Registration by listing: {@code getClasses()} names the resource and {@link JwteeFeature},
 * which turns scanning off. The realm set here overrides the one in
 * {@code microprofile-config.properties}, because application properties come first.
 */
@ApplicationPath("api")
public class ListedApplication extends Application {

    /** Realm of this application's challenges. */
    public static final String REALM = "listed-catalog";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(CatalogResource.class, JwteeFeature.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jwtee.realm", REALM);
    }
}
