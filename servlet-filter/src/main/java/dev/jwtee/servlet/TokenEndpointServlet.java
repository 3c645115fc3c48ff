package dev.jwtee.servlet;

import dev.jwtee.core.Jwtee;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The token and revocation endpoints as a servlet, for applications that map them explicitly
 * instead of letting {@link JwteeFilter} answer them. Requires the filter's deployment in the
 * servlet context; paths are still matched against {@code jwtee.endpoint.token-path} and
 * {@code jwtee.endpoint.revoke-path}, relative to the context root.
 */
public class TokenEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient TokenEndpointHandler handler;

    @Override
    public void init() throws ServletException {
        Object deployment = getServletContext().getAttribute(JwteeFilter.JWTEE_ATTRIBUTE);
        if (!(deployment instanceof Jwtee jwtee) || jwtee.tokenEndpoint().isEmpty()) {
            throw new ServletException("TokenEndpointServlet needs JwteeFilter declared in"
                    + " web.xml with jwtee.endpoint.enabled=true");
        }
        handler = new TokenEndpointHandler(jwtee.tokenEndpoint().get(), jwtee.config().http(),
                Thread.currentThread().getContextClassLoader());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!handler.handles(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        handler.handle(path, request, response);
    }
}
