package dev.jwtee.servlet;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.HttpSettings;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.http.AuthenticationProblem;
import dev.jwtee.core.http.BearerHeader;
import dev.jwtee.core.http.RequestAttributes;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.token.TokenRejectedException;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Collections;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Authenticates every request with a Bearer access token and serves the token endpoints. An
 * existing web application adopts jwtee by declaring this filter in {@code web.xml}, mapped to
 * {@code /*}, with its configuration as init-params, or lets {@link JwteeInitializer} register
 * it, configured from context-params, when the context-param
 * {@code jwtee.filter.registration} is {@code first} or {@code last}.
 *
 * <p>Per request: this filter responds to the token, revocation and JWKS paths itself. A
 * protected path without a token gets 401, with a bad token 401 {@code invalid_token}. A valid
 * token wraps the request so that {@code getUserPrincipal()}, {@code getRemoteUser()},
 * {@code isUserInRole()} and {@code getAuthType()} reflect it. Public paths pass as anonymous.
 * CORS preflight requests get no exception: a CORS filter declared before this one responds to
 * them.
 *
 * <p>The deployment is shared with application code and the JAX-RS provider as the servlet
 * context attribute {@link #JWTEE_ATTRIBUTE}. Thread-safe after {@link #init}.
 */
@PersistenceUnit(name = JwteeFilter.PERSISTENCE_UNIT_REFERENCE, unitName = "jwtee")
public class JwteeFilter implements Filter {

    /** Servlet context attribute that contains the {@link Jwtee} deployment. */
    public static final String JWTEE_ATTRIBUTE = "dev.jwtee.Jwtee";

    /** Name under {@code java:comp/env} of the container-managed {@code jwtee} unit. */
    static final String PERSISTENCE_UNIT_REFERENCE = "jwtee/persistence-unit";

    private static final System.Logger LOG = System.getLogger(JwteeFilter.class.getName());

    private Jwtee jwtee;
    private HttpSettings http;
    private TokenEndpointHandler endpoints;
    private JwksEndpoint jwks;
    private volatile boolean failed;

    /**
     * Starts jwtee. A failure, such as an invalid configuration value or an unreachable
     * database, is logged with the key at fault and leaves the filter responding 503 to every
     * request: throwing here would let some containers serve the application without the
     * filter, which would fail open.
     */
    @Override
    public void init(FilterConfig filterConfig) {
        try {
            JwteeConfig config = JwteeConfig.read(FilterConfiguration.source(
                    filterConfig::getInitParameter, filterConfig.getServletContext()));
            jwtee = Jwtee.builder(config)
                    .entityManagerFactory(containerPersistenceUnit())
                    .build();
            http = config.http();
            endpoints = jwtee.tokenEndpoint()
                    .map(endpoint -> new TokenEndpointHandler(endpoint, http,
                            Thread.currentThread().getContextClassLoader()))
                    .orElse(null);
            jwks = jwtee.jwksDocument()
                    .map(document -> new JwksEndpoint(http.jwksPath(), document))
                    .orElse(null);
            filterConfig.getServletContext().setAttribute(JWTEE_ATTRIBUTE, jwtee);
            if (AuthenticationMechanisms.present(
                    Thread.currentThread().getContextClassLoader())) {
                LOG.log(Level.WARNING, AuthenticationMechanisms.WARNING);
            }
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError means a missing class, such as the Persistence API for the JPA
            // store on a plain servlet container. That must fail closed as well.
            failed = true;
            LOG.log(Level.ERROR, "jwtee failed to start, so every request gets 503 until"
                    + " the cause is fixed and the application is redeployed: " + describe(e),
                    e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest httpRequest)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (failed) {
            Responses.write(httpResponse, AuthenticationProblem.unavailable());
            return;
        }
        String path = pathOf(httpRequest);
        if (endpoints != null && endpoints.handles(path)) {
            endpoints.handle(path, httpRequest, httpResponse);
            return;
        }
        if (jwks != null && jwks.handles(path)) {
            jwks.handle(httpRequest, httpResponse);
            return;
        }
        httpRequest.setAttribute(RequestAttributes.PROCESSED, Boolean.TRUE);
        httpRequest.setAttribute(RequestAttributes.DEPLOYMENT, jwtee);
        authenticate(path, httpRequest, httpResponse, chain);
    }

    @Override
    public void destroy() {
        if (jwtee != null) {
            jwtee.close();
        }
    }

    private void authenticate(String path, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        boolean isPublic = http.isPublic(path);
        BearerHeader header = BearerHeader.parse(
                Collections.list(request.getHeaders("Authorization")));
        switch (header.kind()) {
            case TOKEN:
                try {
                    JwteePrincipal principal = jwtee.authenticate(header.token());
                    request.setAttribute(RequestAttributes.PRINCIPAL, principal);
                    chain.doFilter(new JwteeRequest(request, principal), response);
                } catch (TokenRejectedException e) {
                    rejectOrPass(isPublic, AuthenticationProblem.invalidToken(http.realm(), e),
                            request, response, chain);
                }
                return;
            case MALFORMED:
                rejectOrPass(isPublic, AuthenticationProblem.malformedHeader(http.realm()),
                        request, response, chain);
                return;
            default:
                if (isPublic) {
                    chain.doFilter(request, response);
                } else {
                    Responses.write(response, AuthenticationProblem.missingToken(http.realm()));
                }
        }
    }

    /** Serves a public path as anonymous unless configured to reject bad credentials there. */
    private void rejectOrPass(boolean isPublic, AuthenticationProblem problem,
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isPublic && !http.rejectInvalidTokenOnPublicPath()) {
            chain.doFilter(request, response);
        } else {
            Responses.write(response, problem);
        }
    }

    /** Returns the decoded, normalized path below the context root. */
    private static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * Looks up the container-managed {@code jwtee} unit that the class-level
     * {@code @PersistenceUnit} declares. Plain servlet containers have none; the JPA store then
     * bootstraps the unit itself.
     */
    private static Object containerPersistenceUnit() {
        try {
            Object unit = new InitialContext()
                    .lookup("java:comp/env/" + PERSISTENCE_UNIT_REFERENCE);
            LOG.log(Level.DEBUG, "Using the container-managed jwtee persistence unit");
            return unit;
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.DEBUG, "No container-managed jwtee persistence unit: {0}", e.toString());
            return null;
        }
    }

    /** Describes a start-up failure for the log. A configuration error already names its key. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof NoClassDefFoundError && message != null
                && message.startsWith("jakarta/persistence/")) {
            return "class " + message + " is missing: jwtee.refresh.store=jpa needs the Jakarta"
                    + " Persistence API and a provider in the application, or set"
                    + " jwtee.refresh.store=memory";
        }
        return failure instanceof LinkageError ? failure.toString() : message;
    }
}
