package dev.jwtee.servlet.containers;

import java.util.Map;

/**
 * One web application as its {@code web.xml} would declare it, for every container alike:
 * {@link CorsHeaderFilter} on {@code /*}, then {@code dev.jwtee.servlet.JwteeFilter} on
 * {@code /*} with {@link #initParameters}, and {@link WhoAmIServlet} on {@code /protected/*}
 * and on {@code /public/*}. The container also runs {@code JwteeInitializer} as a
 * {@code ServletContainerInitializer}.
 *
 * @param contextPath the context path, such as {@code /app}
 * @param initParameters the init-params of the jwtee filter
 */
public record TestWebApp(String contextPath, Map<String, String> initParameters) {

    /** Class name of the jwtee filter, loaded by the web application's class loader. */
    public static final String FILTER_CLASS = "dev.jwtee.servlet.JwteeFilter";

    /** Class name of the jwtee initializer. */
    public static final String INITIALIZER_CLASS = "dev.jwtee.servlet.JwteeInitializer";

    /** Copies the parameters. */
    public TestWebApp {
        initParameters = Map.copyOf(initParameters);
    }
}
