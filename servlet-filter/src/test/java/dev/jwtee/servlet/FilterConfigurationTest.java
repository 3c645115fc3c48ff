package dev.jwtee.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.config.MicroProfileConfigFixture;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order of the configuration sources: filter init-params, context-params, MicroProfile
 * Config, system properties, environment variables.
 */
class FilterConfigurationTest {

    private static final String KEY = "jwtee.audience";

    private final MicroProfileConfigFixture config =
            MicroProfileConfigFixture.with(Map.of(KEY, "from-microprofile"));

    @AfterEach
    void release() {
        config.close();
        System.clearProperty(KEY);
    }

    @Test
    void source_initParamAndMicroProfile_initParamWins() {
        var source = FilterConfiguration.source(Map.of(KEY, "from-init-param")::get,
                servletContext(config.loader(), Map.of(KEY, "from-context-param")));

        assertEquals(Optional.of("from-init-param"), source.get(KEY));
    }

    @Test
    void source_contextParamAndMicroProfile_contextParamWins() {
        var source = FilterConfiguration.source(name -> null,
                servletContext(config.loader(), Map.of(KEY, "from-context-param")));

        assertEquals(Optional.of("from-context-param"), source.get(KEY));
    }

    @Test
    void source_microProfileAndSystemProperty_microProfileWins() {
        System.setProperty(KEY, "from-system-property");

        var source = FilterConfiguration.source(name -> null,
                servletContext(config.loader(), Map.of()));

        assertEquals(Optional.of("from-microprofile"), source.get(KEY));
    }

    @Test
    void source_keyNotInMicroProfile_systemPropertyUsed() {
        System.setProperty("jwtee.realm", "from-system-property");
        try {
            var source = FilterConfiguration.source(name -> null,
                    servletContext(config.loader(), Map.of()));

            assertEquals(Optional.of("from-system-property"), source.get("jwtee.realm"));
        } finally {
            System.clearProperty("jwtee.realm");
        }
    }

    @Test
    void source_microProfileApiNotVisible_systemPropertyUsed() {
        System.setProperty(KEY, "from-system-property");
        ClassLoader withoutApi = new URLClassLoader(new URL[0],
                ClassLoader.getPlatformClassLoader());

        var source = FilterConfiguration.source(name -> null,
                servletContext(withoutApi, Map.of()));

        assertEquals(Optional.of("from-system-property"), source.get(KEY));
    }

    /**
     * Returns a servlet context with {@code contextParams} and class loader {@code loader}; it
     * implements only the calls the configuration makes.
     */
    private static ServletContext servletContext(ClassLoader loader,
            Map<String, String> contextParams) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "getInitParameter":
                            return contextParams.get((String) arguments[0]);
                        case "getClassLoader":
                            return loader;
                        case "getRealPath":
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
