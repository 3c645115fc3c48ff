package dev.jwtee.servlet.containers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Stands for an application's CORS filter declared before jwtee: sets one CORS header. */
public class CorsHeaderFilter implements Filter {

    /** The header this filter sets. */
    public static final String HEADER = "Access-Control-Allow-Origin";

    /** The value this filter sets. */
    public static final String ORIGIN = "https://app.example";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).setHeader(HEADER, ORIGIN);
        chain.doFilter(request, response);
    }
}
