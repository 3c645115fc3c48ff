package dev.jwtee.servlet.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A small HTTP/1.1 client for one container on 127.0.0.1, with bounded waits. Paths include the
 * context path, such as {@code /app/protected/whoami}.
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final int port;

    /**
     * Creates a client for the container listening on {@code port} of 127.0.0.1.
     *
     * @param port the port
     */
    public Http(int port) {
        this.port = port;
    }

    /** The tokens of one successful token response. */
    public record Tokens(String access, String refresh) {
    }

    /**
     * Sends a GET.
     *
     * @param path the path, context path included
     * @param headers header names and values, alternating
     * @return the response
     */
    public HttpResponse<String> get(String path, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /**
     * Sends a form-encoded POST.
     *
     * @param path the path, context path included
     * @param form the encoded body
     * @param headers header names and values, alternating
     * @return the response
     */
    public HttpResponse<String> post(String path, String form, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Signs in as the test user at {@code context}'s token endpoint.
     *
     * @param context the context path
     * @return the tokens
     * @throws IllegalStateException if the sign-in fails
     */
    public Tokens signIn(String context) throws IOException, InterruptedException {
        return tokens(post(context + "/auth/token", "grant_type=password&username="
                + TestCredentialValidator.USER + "&password=" + TestCredentialValidator.PASSWORD));
    }

    /**
     * Sends a refresh grant.
     *
     * @param context the context path
     * @param refreshToken the refresh token
     * @return the response
     */
    public HttpResponse<String> refresh(String context, String refreshToken)
            throws IOException, InterruptedException {
        return post(context + "/auth/token",
                "grant_type=refresh_token&refresh_token=" + refreshToken);
    }

    /**
     * Reads the tokens of a successful token response.
     *
     * @param response the response
     * @return the tokens
     * @throws IllegalStateException if the response is not a 200 with both tokens
     */
    public static Tokens tokens(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + response.statusCode());
        }
        Map<String, Object> json = json(response.body());
        return new Tokens((String) json.get("access_token"), (String) json.get("refresh_token"));
    }

    /**
     * Parses a JSON object.
     *
     * @param body the JSON text
     * @return its members
     * @throws IllegalStateException if the text is not a JSON object
     */
    public static Map<String, Object> json(String body) {
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JSON object", e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
