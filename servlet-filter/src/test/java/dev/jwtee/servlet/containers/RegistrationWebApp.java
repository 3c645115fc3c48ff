package dev.jwtee.servlet.containers;

import java.util.Map;

/**
 * A web application that adopts jwtee through the context-param
 * {@code jwtee.filter.registration} instead of a filter entry, as its {@code web.xml} would
 * declare it: {@link OrderProbeFilter} on {@code /*}, then, when {@link #declaresJwteeFilter}
 * is true, {@code dev.jwtee.servlet.JwteeFilter} named {@value #DECLARED_FILTER_NAME} on
 * {@code /*} too, and {@link WhoAmIServlet} on {@code /protected/*} and {@code /public/*},
 * and {@link AsyncDispatchServlet} on {@code /async/*}. Every filter and servlet supports
 * asynchronous requests. The container runs {@code JwteeInitializer}.
 *
 * @param contextPath the context path, such as {@code /first}
 * @param contextParameters the context-params, jwtee's configuration included
 * @param declaresJwteeFilter whether {@code web.xml} also declares the jwtee filter
 */
public record RegistrationWebApp(String contextPath, Map<String, String> contextParameters,
        boolean declaresJwteeFilter) {

    /** Name of the jwtee filter that the application declares, when it declares one. */
    public static final String DECLARED_FILTER_NAME = "declared-jwtee";

    /** Copies the parameters. */
    public RegistrationWebApp {
        contextParameters = Map.copyOf(contextParameters);
    }
}
