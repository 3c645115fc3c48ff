package dev.jwtee.examples.httpbenchmark.jwtee;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.token.TokenCacheStats;
import dev.jwtee.servlet.JwteeFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Prints the counters of jwtee's verified-token cache as one {@code text/plain} line,
 * {@code hits=H misses=M evictions=E size=S}, so that run-wrk.sh can compute the hit rate of
 * each run. Mapped to {@code /cache-stats}, a public path, in {@code WEB-INF/web.xml}.
 */
public class CacheStatsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object attribute = getServletContext().getAttribute(JwteeFilter.JWTEE_ATTRIBUTE);
        if (!(attribute instanceof Jwtee jwtee)) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "jwtee is not started");
            return;
        }
        TokenCacheStats stats = jwtee.tokenCacheStats();
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().print("hits=" + stats.hits() + " misses=" + stats.misses()
                + " evictions=" + stats.evictions() + " size=" + stats.size() + "\n");
    }
}
