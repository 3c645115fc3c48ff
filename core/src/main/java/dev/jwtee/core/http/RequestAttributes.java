package dev.jwtee.core.http;

/**
 * Names of request attributes through which the servlet filter hands its result to the JAX-RS
 * provider, so a token is verified once per request. JAX-RS implementations on a servlet
 * container expose servlet request attributes as {@code ContainerRequestContext} properties.
 */
public final class RequestAttributes {

    /** The {@code JwteePrincipal} of an authenticated request; absent for anonymous ones. */
    public static final String PRINCIPAL = "dev.jwtee.principal";

    /** The {@code Jwtee} deployment of the servlet filter that processed the request. */
    public static final String DEPLOYMENT = "dev.jwtee.deployment";

    /** Set to {@code Boolean.TRUE} once the servlet filter has processed the request. */
    public static final String PROCESSED = "dev.jwtee.processed";

    private RequestAttributes() {
    }
}
