package dev.jwtee.servlet;

import dev.jwtee.core.config.ApplicationConfiguration;
import dev.jwtee.core.config.ConfigSource;
import dev.jwtee.core.config.ConfigSources;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The configuration sources of the servlet filter, in order of precedence: filter
 * init-params, context-params, then the sources that {@link ApplicationConfiguration} adds
 * after them (MicroProfile Config when the web application has it, system properties,
 * environment variables).
 */
final class FilterConfiguration {

    private FilterConfiguration() {
    }

    static ConfigSource source(Function<String, String> initParameters, ServletContext context) {
        ConfigSource chain = ApplicationConfiguration.source(List.of(
                ConfigSources.fromFunction("filter init-params", initParameters),
                ConfigSources.fromFunction("context-params", context::getInitParameter)),
                applicationClassLoader(context));
        return ConfigSources.renamed(chain.name(),
                key -> chain.get(key).map(value -> inWebApplication(key, value, context)));
    }

    /**
     * Returns the sources that follow the context-params: MicroProfile Config when the web
     * application has it, system properties, environment variables. They can apply to every
     * application of the server, not to this one only.
     */
    static ConfigSource sourcesOutsideApplication(ServletContext context) {
        return ApplicationConfiguration.source(List.of(), applicationClassLoader(context));
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
     * Returns the web application's class loader, through which MicroProfile Config is found,
     * because the API is visible there when the server provides it or the WAR bundles it. The
     * filter's own class loader may not see it.
     */
    private static ClassLoader applicationClassLoader(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        if (loader == null) {
            loader = FilterConfiguration.class.getClassLoader();
        }
        return loader;
    }

    /** Logs one WARNING per unknown jwtee key among the filter's and the JVM's settings. */
    static void warnAboutUnknownKeys(Collection<String> initParameterNames,
            ServletContext context) {
        List<String> names = new ArrayList<>(initParameterNames);
        names.addAll(Collections.list(context.getInitParameterNames()));
        ApplicationConfiguration.warnAboutUnknownKeys(names, applicationClassLoader(context));
    }
}
