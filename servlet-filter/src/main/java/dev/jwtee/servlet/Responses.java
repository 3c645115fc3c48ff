package dev.jwtee.servlet;

import dev.jwtee.core.endpoint.EndpointResponse;
import dev.jwtee.core.http.AuthenticationProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes jwtee's answers. Headers that earlier filters set, such as CORS headers, are kept:
 * nothing here resets the response or goes through the container's error pages. A client that
 * closed its connection before the body was written is logged at DEBUG only, because a
 * container logs an exception that leaves the filter with a full stack trace, and any client
 * could fill the log that way.
 */
final class Responses {

    private static final System.Logger LOG = System.getLogger(Responses.class.getName());

    private Responses() {
    }

    static void write(HttpServletResponse response, AuthenticationProblem problem)
            throws IOException {
        response.setStatus(problem.status());
        if (problem.challenge() != null) {
            response.setHeader("WWW-Authenticate", problem.challenge());
        }
        response.setHeader("Cache-Control", "no-store");
        writeBody(response, AuthenticationProblem.CONTENT_TYPE, problem.body());
    }

    static void write(HttpServletResponse response, EndpointResponse answer) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        if (answer.body().isEmpty()) {
            response.setContentLength(0);
            return;
        }
        writeBody(response, EndpointResponse.CONTENT_TYPE, answer.body());
    }

    static void writeBody(HttpServletResponse response, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
            response.flushBuffer();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "The client closed the connection before the"
                    + " {0} response was sent: {1}", response.getStatus(), e.toString());
        }
    }
}
