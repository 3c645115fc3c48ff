package dev.jwtee.core.config;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config, from the implementation on the test class path (SmallRye), with one
 * source of fixed values, registered for a class loader of its own that stands for one web
 * application. Close it to unregister. The servlet filter's and the JAX-RS provider's tests use
 * it through the test-jar of this module.
 */
public final class MicroProfileConfigFixture implements AutoCloseable {

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
    public static MicroProfileConfigFixture with(ConfigSource source) {
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
    public static MicroProfileConfigFixture with(Map<String, String> values) {
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
    public ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
