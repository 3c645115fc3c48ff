package dev.jwtee.core.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWK set document over HTTP: GET without redirects, connect and response timeouts,
 * a bound on the whole exchange, and a body read through a subscriber that gives up past the
 * size limit instead of buffering it.
 *
 * <p>Thread-safe, because {@link HttpClient} is.
 */
final class JwksHttp {

    private final RemoteJwksSettings settings;
    private final HttpClient client;

    JwksHttp(RemoteJwksSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Fetches the document once.
     *
     * @return the body and the freshness lifetime the response grants, if it states one
     * @throws JwksFetchException if the exchange fails, times out, is not a 200, or the body is
     *     too large
     */
    Response get() throws JwksFetchException {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.readTimeout())
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> info.statusCode() == 200 ? new BoundedBody(settings.maxBytes())
                        : BodySubscribers.replacing(null));
        Duration limit = settings.connectTimeout().plus(settings.readTimeout());
        try {
            HttpResponse<byte[]> response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new JwksFetchException("HTTP status " + response.statusCode()
                        + redirectNote(response.statusCode()) + ", expected 200");
            }
            return new Response(response.body(), freshness(response.headers()));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new JwksFetchException("no complete response within " + limit.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new JwksFetchException("interrupted while waiting for the response");
        } catch (ExecutionException e) {
            throw new JwksFetchException(describe(e.getCause()), e.getCause());
        }
    }

    private static String redirectNote(int status) {
        return status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return cause.getMessage();
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + settings.connectTimeout().toMillis() + " ms";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no response within " + settings.readTimeout().toMillis() + " ms";
            }
            if (cause instanceof ConnectException) {
                return "cannot connect (" + cause.getClass().getSimpleName()
                        + messageOf(cause) + ")";
            }
        }
        return failure.getClass().getSimpleName() + messageOf(failure);
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? "" : ": " + failure.getMessage();
    }

    /**
     * Returns how long the response may be used, from {@code Cache-Control}: {@code max-age}
     * less {@code Age}, or zero for {@code no-cache} and {@code no-store}; empty when the
     * header says neither.
     */
    static Optional<Duration> freshness(HttpHeaders headers) {
        Optional<Long> maxAge = Optional.empty();
        for (String value : headers.allValues("Cache-Control")) {
            for (String directive : value.split(",")) {
                String text = directive.trim().toLowerCase(Locale.ROOT);
                if (text.equals("no-cache") || text.equals("no-store")) {
                    return Optional.of(Duration.ZERO);
                }
                if (text.startsWith("max-age=")) {
                    maxAge = seconds(text.substring("max-age=".length())).or(() -> Optional.of(0L));
                }
            }
        }
        long age = headers.firstValue("Age").flatMap(JwksHttp::seconds).orElse(0L);
        return maxAge.map(seconds -> Duration.ofSeconds(Math.max(0, seconds - age)));
    }

    private static Optional<Long> seconds(String text) {
        String digits = text.trim().replace("\"", "");
        if (digits.isEmpty() || digits.length() > 10
                || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /** A 200 response: its body and, if stated, how long it stays fresh. */
    record Response(byte[] body, Optional<Duration> freshness) {
    }

    /** Thrown into the exchange when the body exceeds the limit. */
    private static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(int maxBytes) {
            super("the response is larger than " + maxBytes + " bytes");
        }
    }

    /**
     * Collects the body up to a limit and cancels the exchange past it, so an endless or huge
     * response never fills memory. Calls arrive one at a time (reactive-streams rule 1.3).
     */
    private static final class BoundedBody implements BodySubscriber<byte[]> {

        private final int maxBytes;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (result.isDone()) {
                    return;
                }
                if (buffer.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(maxBytes));
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
