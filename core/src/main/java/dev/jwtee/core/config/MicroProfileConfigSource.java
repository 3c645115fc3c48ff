package dev.jwtee.core.config;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads jwtee keys from MicroProfile Config, when the web application can see the API. The API
 * is reached by reflection through the web application's class loader, so jwtee needs no
 * MicroProfile Config at compile or run time and loads the same on a plain servlet container.
 * {@link ApplicationConfiguration} places this source in the order that every adapter uses.
 *
 * <p>MicroProfile Config counts an empty value as undefined, as jwtee does. Thread-safe, as
 * the MicroProfile {@code Config} it wraps is.
 */
public final class MicroProfileConfigSource implements ConfigSource {

    /** Class whose presence shows that the MicroProfile Config API is available. */
    public static final String PROVIDER_CLASS = "org.eclipse.microprofile.config.ConfigProvider";

    private static final String CONFIG_CLASS = "org.eclipse.microprofile.config.Config";
    private static final System.Logger LOG =
            System.getLogger(MicroProfileConfigSource.class.getName());

    private final Object config;
    private final Method optionalValue;
    private final Method propertyNames;

    private MicroProfileConfigSource(Object config, Method optionalValue,
            Method propertyNames) {
        this.config = config;
        this.optionalValue = optionalValue;
        this.propertyNames = propertyNames;
    }

    /**
     * Returns the MicroProfile Config of the application that {@code loader} loads, or empty
     * when that loader does not see the API or no implementation is installed. Never throws.
     *
     * @param loader the web application's class loader, never {@code null}
     * @return the source, or empty when MicroProfile Config is not available
     */
    public static Optional<MicroProfileConfigSource> find(ClassLoader loader) {
        Class<?> provider;
        try {
            provider = Class.forName(PROVIDER_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "MicroProfile Config API not present; jwtee does not read it");
            return Optional.empty();
        }
        try {
            Object config = provider.getMethod("getConfig", ClassLoader.class)
                    .invoke(null, loader);
            Class<?> configType = Class.forName(CONFIG_CLASS, false, loader);
            Method optionalValue = configType.getMethod("getOptionalValue", String.class,
                    Class.class);
            Method propertyNames = configType.getMethod("getPropertyNames");
            LOG.log(Level.DEBUG, "Reading jwtee keys from MicroProfile Config too");
            return Optional.of(new MicroProfileConfigSource(config, optionalValue,
                    propertyNames));
        } catch (InvocationTargetException e) {
            LOG.log(Level.INFO, "MicroProfile Config API is present but gave no configuration,"
                    + " so jwtee does not read it: {0}", e.getCause().toString());
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "MicroProfile Config API is present but not usable, so jwtee"
                    + " does not read it: {0}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Returns the value of {@code key} in MicroProfile Config.
     *
     * @throws ConfigurationException naming the key if MicroProfile Config fails to read it,
     *     for example when an expression in the value refers to a missing property
     */
    @Override
    public Optional<String> get(String key) {
        try {
            Optional<?> value = (Optional<?>) optionalValue.invoke(config, key, String.class);
            return value.map(String.class::cast);
        } catch (InvocationTargetException e) {
            throw new ConfigurationException(key, "MicroProfile Config cannot read it: "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("MicroProfile Config method not accessible", e);
        }
    }

    @Override
    public String name() {
        return "MicroProfile Config";
    }

    /**
     * Returns every property name that MicroProfile Config defines, so that misspelled jwtee
     * keys set there are reported too.
     *
     * @return the names, never {@code null}, and empty if the implementation fails to list them
     */
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>();
        try {
            for (Object name : (Iterable<?>) propertyNames.invoke(config)) {
                names.add(String.valueOf(name));
            }
        } catch (InvocationTargetException | IllegalAccessException e) {
            LOG.log(Level.DEBUG, "MicroProfile Config cannot list its names: {0}", e.toString());
        }
        return names;
    }
}
