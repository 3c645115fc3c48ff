package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.HttpSettings;
import dev.jwtee.core.endpoint.CredentialValidator;
import dev.jwtee.core.endpoint.EndpointResponse;
import dev.jwtee.core.endpoint.TokenEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtee.core.http.FormBody;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Serves the token and revocation endpoints over HTTP: checks method, media type and query
 * string, then passes the form parameters to the core {@link TokenEndpoint}. Thread-safe.
 */
final class TokenEndpointHandler {

    /** Maximum bytes of an oversized body read and dropped, so that the client gets the 400. */
    private static final long DISCARD_BYTES = 256 * 1024;

    private static final System.Logger LOG =
            System.getLogger(TokenEndpointHandler.class.getName());

    private final TokenEndpoint endpoint;
    private final HttpSettings settings;
    private final Function<HttpServletRequest, CredentialValidator> validators;

    TokenEndpointHandler(TokenEndpoint endpoint, HttpSettings settings, ClassLoader loader) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.validators = validatorFactory(settings, loader);
    }

    /** Tells whether {@code path}, relative to the context root, is one of the endpoints. */
    boolean handles(String path) {
        return path.equals(settings.tokenPath()) || path.equals(settings.revokePath());
    }

    void handle(String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            Responses.write(response, EndpointResponse.error(405, "invalid_request",
                    "The token endpoints accept only POST."));
            return;
        }
        if (!isFormUtf8(request.getContentType())) {
            Responses.write(response, EndpointResponse.error(400, "invalid_request",
                    "The request body must be application/x-www-form-urlencoded in UTF-8."));
            return;
        }
        if (request.getQueryString() != null) {
            Responses.write(response, EndpointResponse.error(400, "invalid_request",
                    "Parameters must be sent in the request body, not in the URL."));
            return;
        }
        Map<String, List<String>> parameters;
        try {
            parameters = FormBody.parse(readBody(request));
        } catch (IllegalArgumentException e) {
            // Unread body bytes may still be on the way, so the connection is not reused.
            response.setHeader("Connection", "close");
            Responses.write(response, EndpointResponse.error(400, "invalid_request",
                    e.getMessage()));
            return;
        }
        EndpointResponse answer = path.equals(settings.tokenPath())
                ? endpoint.token(parameters, validators.apply(request))
                : endpoint.revoke(parameters);
        Responses.write(response, answer);
    }

    /**
     * Accepts {@code application/x-www-form-urlencoded}, in any case, with no parameter or a
     * UTF-8 charset, since the body is decoded as UTF-8.
     */
    private static boolean isFormUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !parameter.replace("\"", "").equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads at most {@link FormBody#MAX_BYTES} plus one byte of the body itself, instead of
     * {@code getParameterMap()}, whose container-specific limits fail with a 500 and whose
     * warnings may log parameter values.
     *
     * @throws IllegalArgumentException if the body is too large or ends early
     */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > FormBody.MAX_BYTES) {
                discard(in);
                throw new IllegalArgumentException("The request body is larger than "
                        + FormBody.MAX_BYTES + " bytes.");
            }
            byte[] body = in.readNBytes(FormBody.MAX_BYTES + 1);
            if (body.length > FormBody.MAX_BYTES) {
                discard(in);
                throw new IllegalArgumentException("The request body is larger than "
                        + FormBody.MAX_BYTES + " bytes.");
            }
            long declared = request.getContentLengthLong();
            if (declared >= 0 && body.length != declared) {
                throw new IllegalArgumentException("The request body is shorter than its"
                        + " Content-Length.");
            }
            return body;
        } catch (IOException e) {
            // The client stopped sending (end of stream, or the container's read timeout).
            LOG.log(Level.DEBUG, "Reading a token request body failed: {0}", e.toString());
            throw new IllegalArgumentException("The request body could not be read in full.");
        }
    }

    /**
     * Reads and drops up to {@link #DISCARD_BYTES} more of an oversized body before the 400 is
     * sent. A container that closes a connection with unread request bytes can make the TCP
     * stack reset it, and the client then loses the response; Jetty does so, while Tomcat
     * drains the body itself.
     */
    private static void discard(InputStream in) throws IOException {
        long skipped = 0;
        byte[] scratch = new byte[8192];
        while (skipped < DISCARD_BYTES) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, DISCARD_BYTES - skipped));
            if (read < 0) {
                return;
            }
            skipped += read;
        }
    }

    private static Function<HttpServletRequest, CredentialValidator> validatorFactory(
            HttpSettings settings, ClassLoader loader) {
        String name = settings.credentialValidator();
        if (name.equals(HttpSettings.CONTAINER_VALIDATOR)) {
            if (settings.probedRoles().isEmpty()) {
                LOG.log(Level.WARNING, "jwtee.credential-validator.roles is empty, so access"
                        + " tokens from container sign-in carry no groups; list the roles to"
                        + " check, and declare each as a security-role in web.xml");
            }
            return request -> new ContainerCredentialValidator(request, settings.probedRoles());
        }
        CredentialValidator shared = instantiate(name, loader);
        return request -> shared;
    }

    private static CredentialValidator instantiate(String className, ClassLoader loader) {
        String key = "jwtee.credential-validator";
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!CredentialValidator.class.isAssignableFrom(type)) {
                throw new ConfigurationException(key, "class " + className + " does not"
                        + " implement " + CredentialValidator.class.getName());
            }
            return (CredentialValidator) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(key, "class " + className + " not found", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new ConfigurationException(key, "class " + className + " needs a public"
                    + " no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ConfigurationException(key, "the constructor of " + className
                    + " failed: " + e.getCause(), e.getCause());
        }
    }
}
