package dev.jwtee.jaxrs;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ApplicationConfiguration;
import dev.jwtee.core.config.ConfigSource;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.http.RequestAttributes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link Jwtee} deployment for a request, in this order: the one the servlet filter
 * attached to the request; the one given to {@link JwteeFeature}; the application property
 * {@value JwteeFeature#JWTEE_PROPERTY}; else one built on first use, for verification only, from
 * the application properties, MicroProfile Config, system properties and environment
 * variables, in that order of precedence (see {@link ApplicationConfiguration}). A failed
 * build is logged once and remembered, so every later request fails the same way without
 * another log line. Thread-safe.
 */
final class DeploymentHolder {

    private static final System.Logger LOG = System.getLogger(DeploymentHolder.class.getName());

    private final Configuration configuration;
    private volatile Jwtee own;
    private ConfigurationException failure;

    DeploymentHolder(Jwtee given, Configuration configuration) {
        this.own = given;
        this.configuration = configuration;
    }

    /**
     * Returns the deployment for {@code request}.
     *
     * @throws ConfigurationException if none is attached and none can be built
     */
    Jwtee resolve(ContainerRequestContext request) {
        if (request.getProperty(RequestAttributes.DEPLOYMENT) instanceof Jwtee attached) {
            return attached;
        }
        Jwtee current = own;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            if (own == null) {
                try {
                    own = build();
                } catch (ConfigurationException e) {
                    failure = e;
                    throw e;
                }
            }
            return own;
        }
    }

    private Jwtee build() {
        Object property = configuration.getProperty(JwteeFeature.JWTEE_PROPERTY);
        if (property instanceof Jwtee configured) {
            return configured;
        }
        ClassLoader loader = applicationClassLoader();
        ApplicationConfiguration.warnAboutUnknownKeys(configuration.getPropertyNames(), loader);
        try {
            return Jwtee.builder(JwteeConfig.read(source(configuration, loader))).build();
        } catch (ConfigurationException e) {
            LOG.log(Level.ERROR, "jwtee is not configured for JAX-RS: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Returns the sources of a deployment built here, in order of precedence: the JAX-RS
     * application properties, MicroProfile Config when {@code loader} can load its API, system
     * properties, environment variables, and last the verification-only defaults, which turn
     * off the token endpoint and refresh tokens.
     */
    static ConfigSource source(Configuration configuration, ClassLoader loader) {
        ConfigSource applicationProperties = ConfigSources.fromFunction(
                "JAX-RS application properties", key ->
                        Optional.ofNullable(configuration.getProperty(key))
                                .map(String::valueOf).orElse(null));
        return ConfigSources.withDefaults(
                ApplicationConfiguration.source(List.of(applicationProperties), loader),
                Map.of("jwtee.endpoint.enabled", "false", "jwtee.refresh.enabled", "false"));
    }

    /**
     * Returns the class loader through which MicroProfile Config is found: the thread's context
     * class loader, which is the web application's while a request runs, else this jar's.
     */
    private static ClassLoader applicationClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : DeploymentHolder.class.getClassLoader();
    }
}
