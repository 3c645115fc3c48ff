package dev.jwtee.core.keys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWK set server for tests, on 127.0.0.1 and a free port. {@code /jwks.json} gives the
 * current {@link Answer}; {@code /moved} serves a valid set, to show that redirects to it are
 * not followed. Counts the requests to each path.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger movedRequests = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /**
     * Starts a server that returns {@code first}.
     *
     * @param first the first answer
     */
    public JwksServer(Answer first) {
        answer.set(first);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/jwks.json", this::serve);
        server.createContext("/moved", exchange -> {
            movedRequests.incrementAndGet();
            send(exchange, Answer.ok(first.body()));
        });
        server.start();
    }

    /** Returns the URL of {@code /jwks.json}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /** Makes every later request get {@code next}. */
    public void answer(Answer next) {
        answer.set(next);
    }

    /** Returns how many requests {@code /jwks.json} has had. */
    public int requests() {
        return requests.get();
    }

    /** Returns how many requests {@code /moved} has had. */
    public int movedRequests() {
        return movedRequests.get();
    }

    /** Makes later requests wait, for at most ten seconds, until {@link #open()} is called. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets held requests go on. */
    public void open() {
        gate.countDown();
    }

    /** Stops the server; later requests find no listener. */
    @Override
    public void close() {
        open();
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test server held for too long");
            }
            Answer current = answer.get();
            if (!current.delay().isZero()) {
                // The deliberately slow response that the timeout tests need.
                Thread.sleep(current.delay().toMillis());
            }
            send(exchange, current);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * One canned response.
     *
     * @param status the HTTP status
     * @param body the body text
     * @param headers extra response headers
     * @param delay how long to wait before answering
     */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        /** Returns a 200 with {@code body} and no cache header. */
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of(), Duration.ZERO);
        }

        /** Returns a 200 with {@code body} and {@code Cache-Control: cacheControl}. */
        public static Answer cached(String body, String cacheControl) {
            return new Answer(200, body, Map.of("Cache-Control", cacheControl), Duration.ZERO);
        }

        /** Returns a response with {@code status} and a short text body. */
        public static Answer status(int status) {
            return new Answer(status, "failure", Map.of(), Duration.ZERO);
        }

        /** Returns a redirect to {@code /moved}. */
        public static Answer redirect() {
            return new Answer(302, "", Map.of("Location", "/moved"), Duration.ZERO);
        }

        /** This answer, after {@code wait}. */
        public Answer delayedBy(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }
}
