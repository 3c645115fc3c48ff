package dev.jwtee.servlet.containers;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Starts asynchronous processing with {@code startAsync()} and dispatches to
 * {@value #TARGET}, as an application servlet that hands work to another thread would. The
 * dispatched request is the container's own, not the wrapper of any filter.
 */
public class AsyncDispatchServlet extends HttpServlet {

    /** The path, below the context root, that every request is dispatched to. */
    public static final String TARGET = "/protected/whoami";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.dispatch(TARGET);
    }
}
