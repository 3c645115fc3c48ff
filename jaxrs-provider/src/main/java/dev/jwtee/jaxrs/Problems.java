package dev.jwtee.jaxrs;

import dev.jwtee.core.http.AuthenticationProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Turns core {@link AuthenticationProblem}s into JAX-RS responses. */
final class Problems {

    private Problems() {
    }

    /** Returns a 503 for a deployment whose jwtee configuration is missing or invalid. */
    static Response notConfigured() {
        return toResponse(AuthenticationProblem.unavailable());
    }

    static Response toResponse(AuthenticationProblem problem) {
        Response.ResponseBuilder response = Response.status(problem.status());
        if (problem.challenge() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, problem.challenge());
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(AuthenticationProblem.CONTENT_TYPE)
                .entity(problem.body())
                .build();
    }
}
