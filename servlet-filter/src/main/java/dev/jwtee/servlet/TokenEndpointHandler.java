package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.HttpSettings;
import dev.jwtee.core.endpoint.CredentialValidator;
import dev.jwtee.core.endpoint.EndpointResponse;
import dev.jwtee.core.endpoint.TokenEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jose4j.json.JsonUtil;

/**
 * Serves the token and revocation endpoints over HTTP: checks method, media type and query
 * string, then passes the form parameters to the core {@link TokenEndpoint}. Thread-safe.
 */
final class TokenEndpointHandler {

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
            Responses.write(response, error(405, "invalid_request",
                    "The token endpoints accept only POST."));
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            Responses.write(response, error(400, "invalid_request",
                    "The request body must be application/x-www-form-urlencoded."));
            return;
        }
        if (request.getQueryString() != null) {
            Responses.write(response, error(400, "invalid_request",
                    "Parameters must be sent in the request body, not in the URL."));
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name,
                Arrays.asList(values)));
        EndpointResponse answer = path.equals(settings.tokenPath())
                ? endpoint.token(parameters, validators.apply(request))
                : endpoint.revoke(parameters);
        Responses.write(response, answer);
    }

    private static EndpointResponse error(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return new EndpointResponse(status, Map.of("Cache-Control", "no-store"),
                JsonUtil.toJson(body));
    }

    private static Function<HttpServletRequest, CredentialValidator> validatorFactory(
            HttpSettings settings, ClassLoader loader) {
        String name = settings.credentialValidator();
        if (name.equals(HttpSettings.CONTAINER_VALIDATOR)) {
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
