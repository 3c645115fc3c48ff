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
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(AuthenticationProblem.CONTENT_TYPE)
                .entity("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                        + "\"status\":503,\"detail\":\"Authentication is not configured on"
                        + " this server; see the server log.\"}")
                .build();
    }

    static Response toResponse(AuthenticationProblem problem) {
        return Response.status(problem.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, problem.challenge())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(AuthenticationProblem.CONTENT_TYPE)
                .entity(problem.body())
                .build();
    }
}
