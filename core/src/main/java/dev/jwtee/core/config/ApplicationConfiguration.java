package dev.jwtee.core.config;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The order in which every jwtee adapter reads its configuration. First come the adapter's own
 * application-level sources: the servlet filter's init-params and context-params, or the
 * JAX-RS application properties. Then MicroProfile Config, when the application's class loader
 * can load its API, then Java system properties, then environment variables. The first source that
 * defines a key wins. Also reports names that look like jwtee keys but are not, since a
 * misspelled key would otherwise be ignored.
 */
public final class ApplicationConfiguration {

    private static final System.Logger LOG =
            System.getLogger(ApplicationConfiguration.class.getName());

    private ApplicationConfiguration() {
    }

    /**
     * Chains {@code applicationSources}, MicroProfile Config, system properties and environment
     * variables, in that order of precedence.
     *
     * @param applicationSources the adapter's own sources, highest precedence first
     * @param loader the application's class loader, through which MicroProfile Config is found
     * @return a source that reads each of them in turn
     */
    public static ConfigSource source(List<ConfigSource> applicationSources, ClassLoader loader) {
        List<ConfigSource> sources = new ArrayList<>(applicationSources);
        MicroProfileConfigSource.find(loader).ifPresent(sources::add);
        sources.add(ConfigSources.systemProperties());
        sources.add(ConfigSources.environment());
        return ConfigSources.chain(sources);
    }

    /**
     * Logs one WARNING per unknown jwtee key among {@code applicationNames}, the system
     * properties, the environment variables and the names that MicroProfile Config defines.
     *
     * @param applicationNames the names that the adapter's own sources define
     * @param loader the application's class loader, through which MicroProfile Config is found
     */
    public static void warnAboutUnknownKeys(Collection<String> applicationNames,
            ClassLoader loader) {
        List<String> names = new ArrayList<>(applicationNames);
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        Optional<MicroProfileConfigSource> microProfile = MicroProfileConfigSource.find(loader);
        microProfile.ifPresent(config -> names.addAll(config.propertyNames()));
        for (String unknown : ConfigKeys.unknown(names)) {
            LOG.log(Level.WARNING, "Unknown jwtee configuration key {0} is ignored; the README"
                    + " lists the known keys", unknown);
        }
    }
}
