package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigKeys;
import dev.jwtee.core.config.ConfigSource;
import dev.jwtee.core.config.ConfigSources;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration sources of the servlet filter, in order of precedence: filter
 * init-params, context-params, MicroProfile Config when the web application has it, system
 * properties, environment variables. Also reports names that look like jwtee keys but are not,
 * since a misspelled key would otherwise be ignored.
 */
final class FilterConfiguration {

    private static final System.Logger LOG = System.getLogger(FilterConfiguration.class.getName());

    private FilterConfiguration() {
    }

    static ConfigSource source(Function<String, String> initParameters, ServletContext context) {
        ConfigSource chain = ConfigSources.chain(List.of(
                ConfigSources.fromFunction("filter init-params", initParameters),
                ConfigSources.fromFunction("context-params", context::getInitParameter),
                sourcesOutsideApplication(context)));
        return key -> chain.get(key).map(value -> inWebApplication(key, value, context));
    }

    /**
     * Returns the sources that follow the context-params: MicroProfile Config when the web
     * application has it, system properties, environment variables. They can apply to every
     * application of the server, not to this one only.
     */
    static ConfigSource sourcesOutsideApplication(ServletContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        microProfileConfig(context).ifPresent(sources::add);
        sources.add(ConfigSources.systemProperties());
        sources.add(ConfigSources.environment());
        return ConfigSources.chain(sources);
    }

    /**
     * Resolves a file key whose value starts with {@code /WEB-INF/} against the deployed
     * application, so a WAR can carry its own key file. Other values stay as they are; so does
     * this one when the container does not unpack the WAR.
     */
    private static String inWebApplication(String key, String value, ServletContext context) {
        if (!key.endsWith("-file") || !value.startsWith("/WEB-INF/")) {
            return value;
        }
        String realPath = context.getRealPath(value);
        return realPath == null ? value : realPath;
    }

    /**
     * Finds MicroProfile Config through the web application's class loader, because the API is
     * visible there when the server provides it or the WAR bundles it. The filter's own class
     * loader may not see it.
     */
    private static Optional<MicroProfileConfigSource> microProfileConfig(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        if (loader == null) {
            loader = FilterConfiguration.class.getClassLoader();
        }
        return MicroProfileConfigSource.find(loader);
    }

    /** Logs one WARNING per unknown jwtee key among the filter's and the JVM's settings. */
    static void warnAboutUnknownKeys(Collection<String> initParameterNames,
            ServletContext context) {
        List<String> names = new ArrayList<>(initParameterNames);
        names.addAll(Collections.list(context.getInitParameterNames()));
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        microProfileConfig(context).ifPresent(config -> names.addAll(config.propertyNames()));
        for (String unknown : ConfigKeys.unknown(names)) {
            LOG.log(Level.WARNING, "Unknown jwtee configuration key {0} is ignored; the README"
                    + " lists the known keys", unknown);
        }
    }
}
