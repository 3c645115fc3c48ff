package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigKeys;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the configuration of every {@link JwteeFilter} while the application deploys, so that
 * a bad value stops the deployment instead of leaving the application running without
 * authentication. Servers find it through {@code META-INF/services}; the filter itself fails
 * closed as well, for containers that skip initializers.
 *
 * <p>With the context-param {@value ConfigKeys#FILTER_REGISTRATION} set to {@code first} or
 * {@code last}, it also registers the filter itself, named {@value #FILTER_NAME} and mapped
 * to {@code /*}, before or after the declared filter mappings. That filter has no
 * init-params, so it reads its configuration from the context-params and the sources after
 * them. The deployment fails when the application declares a {@link JwteeFilter} as well,
 * because two filters would authenticate every request twice, each with its own
 * configuration.
 */
public final class JwteeInitializer implements ServletContainerInitializer {

    /** Name of the filter that this initializer registers. */
    static final String FILTER_NAME = "jwtee";

    /**
     * Dispatcher types of the registered filter's mapping. REQUEST is the {@code web.xml}
     * default. ASYNC is added because {@code AsyncContext.dispatch} after {@code startAsync()}
     * dispatches the container's request, not the filter's wrapper, so without the filter the
     * target would get no caller. FORWARD and INCLUDE dispatches carry the request that the
     * filter already handled. ERROR is left out so that an error page on a path outside
     * {@code jwtee.public-paths} still renders for a request without a token.
     */
    private static final EnumSet<DispatcherType> DISPATCHER_TYPES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC);

    private static final System.Logger LOG = System.getLogger(JwteeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context)
            throws ServletException {
        FilterRegistrationMode mode = registrationMode(context);
        List<FilterRegistration> declared = declaredFilters(context);
        for (FilterRegistration registration : declared) {
            checkConfiguration("filter " + registration.getName(),
                    registration.getInitParameters().keySet(), registration::getInitParameter,
                    context);
        }
        if (mode == FilterRegistrationMode.NONE) {
            failIfOnlySetElsewhere(context, declared);
            return;
        }
        if (!declared.isEmpty()) {
            FilterRegistration first = declared.get(0);
            String message = ConfigKeys.FILTER_REGISTRATION + " is '" + mode.value()
                    + "', but the application declares filter " + first.getName() + " of class "
                    + first.getClassName() + " as well; remove the context-param or the"
                    + " declared filter";
            LOG.log(Level.ERROR, message + ", so the application is not deployed");
            throw new ServletException(message);
        }
        checkConfiguration("the filter that " + ConfigKeys.FILTER_REGISTRATION + " registers",
                Set.of(), name -> null, context);
        register(mode, context);
    }

    /**
     * Stops the deployment of an application that declares no filter when the registration key
     * is set outside the context-params only. A value set there asks for a registered filter,
     * and without one the application would run with no authentication at all. With a declared
     * filter, the value is ignored with a WARNING.
     */
    private static void failIfOnlySetElsewhere(ServletContext context,
            List<FilterRegistration> declared) throws ServletException {
        String key = ConfigKeys.FILTER_REGISTRATION;
        if (context.getInitParameter(key) != null) {
            return;
        }
        Optional<String> elsewhere = FilterConfiguration.sourcesOutsideApplication(context)
                .get(key);
        if (elsewhere.isEmpty()) {
            return;
        }
        String where = "MicroProfile Config, a system property or the environment variable "
                + ConfigSources.environmentName(key);
        if (!declared.isEmpty()) {
            LOG.log(Level.WARNING, "{0} is read from context-params only, so the value ''{1}''"
                    + " from {2} is ignored", key, elsewhere.get(), where);
            return;
        }
        String message = key + " is read from context-params only, but is set to '"
                + elsewhere.get() + "' in " + where + ", and the application declares no"
                + " JwteeFilter, so it would run without authentication; set " + key
                + " as a context-param in web.xml";
        LOG.log(Level.ERROR, message + ". The application is not deployed");
        throw new ServletException(message);
    }

    /** Reads the context-param. */
    private static FilterRegistrationMode registrationMode(ServletContext context)
            throws ServletException {
        String key = ConfigKeys.FILTER_REGISTRATION;
        try {
            return FilterRegistrationMode.parse(context.getInitParameter(key));
        } catch (ConfigurationException e) {
            LOG.log(Level.ERROR, "The context-param " + e.getMessage()
                    + ", so the application is not deployed");
            throw new ServletException(e.getMessage(), e);
        }
    }

    private static List<FilterRegistration> declaredFilters(ServletContext context) {
        List<FilterRegistration> declared = new ArrayList<>();
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (JwteeFilter.class.getName().equals(registration.getClassName())) {
                declared.add(registration);
            }
        }
        return declared;
    }

    private static void checkConfiguration(String filter, Set<String> initParameterNames,
            Function<String, String> initParameters, ServletContext context)
            throws ServletException {
        FilterConfiguration.warnAboutUnknownKeys(initParameterNames, context);
        try {
            JwteeConfig.read(FilterConfiguration.source(initParameters, context));
        } catch (ConfigurationException e) {
            LOG.log(Level.ERROR, "jwtee configuration of " + filter
                    + " is invalid, so the application is not deployed: " + e.getMessage());
            throw new ServletException("jwtee configuration is invalid: " + e.getMessage(), e);
        }
    }

    private static void register(FilterRegistrationMode mode, ServletContext context)
            throws ServletException {
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME,
                JwteeFilter.class);
        if (registration == null) {
            String message = ConfigKeys.FILTER_REGISTRATION + " is '" + mode.value()
                    + "', but the application declares another filter named " + FILTER_NAME
                    + "; rename that filter";
            LOG.log(Level.ERROR, message + ", so the application is not deployed");
            throw new ServletException(message);
        }
        // The filter does nothing after the chain returns, so asynchronous requests are safe.
        registration.setAsyncSupported(true);
        boolean isMatchAfter = mode == FilterRegistrationMode.LAST;
        registration.addMappingForUrlPatterns(DISPATCHER_TYPES, isMatchAfter, "/*");
        LOG.log(Level.INFO, "Registered filter {0} for /* {1} the declared filters, because"
                + " {2} is ''{3}''", FILTER_NAME, isMatchAfter ? "after" : "before",
                ConfigKeys.FILTER_REGISTRATION, mode.value());
    }
}
