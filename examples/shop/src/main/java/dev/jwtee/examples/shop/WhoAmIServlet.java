package dev.jwtee.examples.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Plain servlet that prints the caller's identity as the container sees it, as two
 * {@code text/plain} lines: {@code remoteUser=<name or null>} and {@code admin=<true|false>}.
 * Mapped to {@code /legacy/whoami} in {@code WEB-INF/web.xml}.
 */
public class WhoAmIServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        out.print("remoteUser=" + request.getRemoteUser() + "\n");
        out.print("admin=" + request.isUserInRole("admin") + "\n");
    }
}
