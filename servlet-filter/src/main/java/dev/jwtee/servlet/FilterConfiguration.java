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
import java.util.function.Function;

/**
 * The configuration sources of the servlet filter, in order of precedence: filter
 * init-params, context-params, system properties, environment variables. Also reports names
 * that look like jwtee keys but are not, since a misspelled key would otherwise be ignored.
 */
final class FilterConfiguration {

    private static final System.Logger LOG = System.getLogger(FilterConfiguration.class.getName());

    private FilterConfiguration() {
    }

    static ConfigSource source(Function<String, String> initParameters, ServletContext context) {
        return ConfigSources.chain(List.of(
                ConfigSources.fromFunction("filter init-params", initParameters),
                ConfigSources.fromFunction("context-params", context::getInitParameter),
                ConfigSources.systemProperties(),
                ConfigSources.environment()));
    }

    /** Logs one WARNING per unknown jwtee key among the filter's and the JVM's settings. */
    static void warnAboutUnknownKeys(Collection<String> initParameterNames,
            ServletContext context) {
        List<String> names = new ArrayList<>(initParameterNames);
        names.addAll(Collections.list(context.getInitParameterNames()));
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        for (String unknown : ConfigKeys.unknown(names)) {
            LOG.log(Level.WARNING, "Unknown jwtee configuration key {0} is ignored; the README"
                    + " lists the known keys", unknown);
        }
    }
}
