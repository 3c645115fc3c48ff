package dev.jwtee.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.config.MicroProfileConfigFixture;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order of the configuration sources of a deployment that the JAX-RS provider builds
 * itself: application properties, MicroProfile Config, system properties, environment
 * variables, verification-only defaults.
 */
class DeploymentHolderSourceTest {

    private static final String KEY = "jwtee.audience";

    private final MicroProfileConfigFixture microProfile = MicroProfileConfigFixture.with(
            Map.of(KEY, "from-microprofile", "jwtee.refresh.enabled", "true"));

    private final ClassLoader webApplication = microProfile.loader();

    @AfterEach
    void release() {
        microProfile.close();
        System.clearProperty(KEY);
        System.clearProperty("jwtee.realm");
    }

    @Test
    void source_applicationPropertyAndMicroProfile_applicationPropertyWins() {
        var source = DeploymentHolder.source(
                configuration(Map.of(KEY, "from-application-property")), webApplication);

        assertEquals(Optional.of("from-application-property"), source.get(KEY));
    }

    @Test
    void source_microProfileAndSystemProperty_microProfileWins() {
        System.setProperty(KEY, "from-system-property");

        var source = DeploymentHolder.source(configuration(Map.of()), webApplication);

        assertEquals(Optional.of("from-microprofile"), source.get(KEY));
    }

    @Test
    void source_keyOnlyInSystemProperties_systemPropertyUsed() {
        System.setProperty("jwtee.realm", "from-system-property");

        var source = DeploymentHolder.source(configuration(Map.of()), webApplication);

        assertEquals(Optional.of("from-system-property"), source.get("jwtee.realm"));
    }

    @Test
    void source_nonStringApplicationProperty_readAsText() {
        var source = DeploymentHolder.source(
                configuration(Map.of("jwtee.clock-skew", 45)), webApplication);

        assertEquals(Optional.of("45"), source.get("jwtee.clock-skew"));
    }

    @Test
    void source_endpointUnset_disabled() {
        var source = DeploymentHolder.source(configuration(Map.of()), webApplication);

        assertEquals(Optional.of("false"), source.get("jwtee.endpoint.enabled"));
    }

    @Test
    void source_refreshSetInMicroProfile_microProfileValueKept() {
        var source = DeploymentHolder.source(configuration(Map.of()), webApplication);

        assertEquals(Optional.of("true"), source.get("jwtee.refresh.enabled"));
    }

    @Test
    void source_refreshUnset_disabled() {
        ClassLoader withoutApi = new URLClassLoader(new URL[0],
                ClassLoader.getPlatformClassLoader());

        var source = DeploymentHolder.source(configuration(Map.of()), withoutApi);

        assertEquals(Optional.of("false"), source.get("jwtee.refresh.enabled"));
    }

    /** Returns a JAX-RS configuration that implements only {@code getProperty}. */
    private static Configuration configuration(Map<String, Object> properties) {
        return (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) arguments[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
