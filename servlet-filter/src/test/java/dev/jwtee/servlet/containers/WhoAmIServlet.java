package dev.jwtee.servlet.containers;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Application servlet without any jwtee code. It prints the caller as the Servlet API reports
 * it, for example {@code user=alice customer=true admin=false}.
 */
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String text = "user=" + request.getRemoteUser()
                + " customer=" + request.isUserInRole("customer")
                + " admin=" + request.isUserInRole("admin");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
