package dev.jwtee.servlet;

import dev.jwtee.core.endpoint.EndpointResponse;
import dev.jwtee.core.http.JwksDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Serves the JWK set document with caching headers: GET and HEAD, a strong {@code ETag} and
 * 304 for a matching {@code If-None-Match}. Needs no token. Immutable and thread-safe.
 */
final class JwksEndpoint {

    private final String path;
    private final JwksDocument document;

    JwksEndpoint(String path, JwksDocument document) {
        this.path = path;
        this.document = document;
    }

    boolean handles(String requestPath) {
        return requestPath.equals(path);
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            Responses.write(response, EndpointResponse.error(405, "invalid_request",
                    "The JWKS document accepts only GET and HEAD."));
            return;
        }
        response.setHeader("Cache-Control", document.cacheControl());
        response.setHeader("ETag", document.entityTag());
        List<String> tags = Collections.list(request.getHeaders("If-None-Match"));
        if (!tags.isEmpty() && document.matches(String.join(",", tags))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (method.equals("HEAD")) {
            response.setContentType(JwksDocument.CONTENT_TYPE);
            response.setContentLength(document.json().getBytes(StandardCharsets.UTF_8).length);
            return;
        }
        Responses.writeBody(response, JwksDocument.CONTENT_TYPE, document.json());
    }
}
