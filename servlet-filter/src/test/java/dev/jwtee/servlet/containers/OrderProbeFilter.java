package dev.jwtee.servlet.containers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An application filter that shows where it runs relative to jwtee: it sets the response
 * header {@value #HEADER} to the request's remote user, or to {@value #ANONYMOUS} when no
 * filter before it authenticated the request. The header is missing when jwtee rejected the
 * request before this filter ran.
 */
public class OrderProbeFilter implements Filter {

    /** The header this filter sets. */
    public static final String HEADER = "X-Probe-Remote-User";

    /** The header value when the request has no caller. */
    public static final String ANONYMOUS = "anonymous";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String caller = ((HttpServletRequest) request).getRemoteUser();
        ((HttpServletResponse) response).setHeader(HEADER, caller == null ? ANONYMOUS : caller);
        chain.doFilter(request, response);
    }
}
