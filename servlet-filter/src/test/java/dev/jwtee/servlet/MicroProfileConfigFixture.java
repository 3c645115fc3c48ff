package dev.jwtee.servlet;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config, from the implementation on the test class path (SmallRye), with one
 * source of fixed values, registered for a class loader of its own that stands for one web
 * application. Close it to unregister.
 */
final class MicroProfileConfigFixture implements AutoCloseable {

    private final ClassLoader loader;
    private final Config config;

    private MicroProfileConfigFixture(ClassLoader loader, Config config) {
        this.loader = loader;
        this.config = config;
    }

    /**
     * Registers a configuration with {@code source} as its only source.
     *
     * @param source the source
     * @return the fixture
     */
    static MicroProfileConfigFixture with(ConfigSource source) {
        ClassLoader loader = new URLClassLoader("webapp", new URL[0],
                MicroProfileConfigFixture.class.getClassLoader());
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().withSources(source).build();
        resolver.registerConfig(config, loader);
        return new MicroProfileConfigFixture(loader, config);
    }

    /**
     * Registers a configuration with {@code values}.
     *
     * @param values property names and values
     * @return the fixture
     */
    static MicroProfileConfigFixture with(Map<String, String> values) {
        return with(new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "test values";
            }
        });
    }

    /** Returns the class loader the configuration belongs to. */
    ClassLoader loader() {
        return loader;
    }

    /**
     * Returns a servlet context with {@code contextParams} whose class loader is
     * {@link #loader()}.
     *
     * @param contextParams the context-params
     * @return a context that implements only the calls the configuration makes
     */
    ServletContext servletContext(Map<String, String> contextParams) {
        return servletContext(loader, contextParams);
    }

    /**
     * Returns a servlet context with {@code contextParams} and class loader {@code loader}.
     *
     * @param loader the web application's class loader
     * @param contextParams the context-params
     * @return a context that implements only the calls the configuration makes
     */
    static ServletContext servletContext(ClassLoader loader, Map<String, String> contextParams) {
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

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
