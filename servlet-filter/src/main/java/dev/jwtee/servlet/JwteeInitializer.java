package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * Checks the configuration of every {@link JwteeFilter} while the application deploys, so that
 * a bad value stops the deployment instead of leaving the application running without
 * authentication. Servers find it through {@code META-INF/services}; the filter itself fails
 * closed as well, for containers that skip initializers.
 */
public final class JwteeInitializer implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(JwteeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context)
            throws ServletException {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (!JwteeFilter.class.getName().equals(registration.getClassName())) {
                continue;
            }
            FilterConfiguration.warnAboutUnknownKeys(registration.getInitParameters().keySet(),
                    context);
            try {
                JwteeConfig.read(FilterConfiguration.source(registration::getInitParameter,
                        context));
            } catch (ConfigurationException e) {
                LOG.log(Level.ERROR, "jwtee configuration of filter " + registration.getName()
                        + " is invalid, so the application is not deployed: " + e.getMessage());
                throw new ServletException("jwtee configuration is invalid: " + e.getMessage(), e);
            }
        }
    }
}
