package dev.jwtee.core.endpoint;

import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshRejectedException;
import dev.jwtee.core.refresh.RefreshTokenService;
import dev.jwtee.core.token.IssuedToken;
import dev.jwtee.core.token.TokenIssuer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.json.JsonUtil;

/**
 * The token endpoint (RFC 6749 section 3.2) and the revocation endpoint (RFC 7009), independent
 * of the HTTP API: an adapter passes the form parameters and writes the returned
 * {@link EndpointResponse}. Supports {@code grant_type=password} and
 * {@code grant_type=refresh_token}.
 *
 * <p>Thread-safe. Nothing it logs contains a password or a token.
 */
public final class TokenEndpoint {

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    private static final int MAX_PARAMETER_LENGTH = 4096;
    private static final String BAD_CREDENTIALS = "The user name or password is incorrect.";
    private static final String BAD_REFRESH_TOKEN =
            "The refresh token is invalid, expired or revoked.";

    private final TokenIssuer issuer;
    private final RefreshTokenService refreshTokens;

    /**
     * Creates an endpoint.
     *
     * @param issuer signs access tokens
     * @param refreshTokens issues and rotates refresh tokens, or {@code null} when refresh
     *     tokens are disabled
     */
    public TokenEndpoint(TokenIssuer issuer, RefreshTokenService refreshTokens) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.refreshTokens = refreshTokens;
    }

    /**
     * Handles a token request.
     *
     * @param parameters the form parameters, each with every value sent
     * @param validator checks credentials for the password grant
     * @return the token response or an RFC 6749 section 5.2 error
     */
    public EndpointResponse token(Map<String, List<String>> parameters,
            CredentialValidator validator) {
        Optional<EndpointResponse> invalid = checkParameters(parameters);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String grantType = single(parameters, "grant_type");
        if (grantType == null) {
            return OAuthError.INVALID_REQUEST.response("Missing parameter: grant_type.");
        }
        try {
            switch (grantType) {
                case "password":
                    return passwordGrant(parameters, validator);
                case "refresh_token":
                    return refreshGrant(parameters);
                default:
                    return OAuthError.UNSUPPORTED_GRANT_TYPE.response(
                            "Supported grant types: password, refresh_token.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Token request with grant_type " + grantType + " failed", e);
            return OAuthError.TEMPORARILY_UNAVAILABLE.response(
                    "The token service is temporarily unavailable; try again later.");
        }
    }

    /**
     * Handles a revocation request: revokes the family of the refresh token in {@code token}.
     * Responds 200 for unknown tokens and access tokens too, as RFC 7009 section 2.2 asks.
     *
     * @param parameters the form parameters, each with every value sent
     * @return 200 with an empty body, or an error for a malformed request
     */
    public EndpointResponse revoke(Map<String, List<String>> parameters) {
        Optional<EndpointResponse> invalid = checkParameters(parameters);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String token = single(parameters, "token");
        if (token == null) {
            return OAuthError.INVALID_REQUEST.response("Missing parameter: token.");
        }
        if (refreshTokens != null) {
            try {
                refreshTokens.revoke(token);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Revocation request failed", e);
                return OAuthError.TEMPORARILY_UNAVAILABLE.response(
                        "The token service is temporarily unavailable; try again later.");
            }
        }
        return new EndpointResponse(200, EndpointResponse.NO_STORE, "");
    }

    private EndpointResponse passwordGrant(Map<String, List<String>> parameters,
            CredentialValidator validator) {
        String username = single(parameters, "username");
        String password = single(parameters, "password");
        if (username == null || password == null) {
            return OAuthError.INVALID_REQUEST.response(
                    "The password grant needs the parameters username and password.");
        }
        char[] secret = password.toCharArray();
        Optional<Caller> caller;
        try {
            caller = validator.validate(username, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (caller.isEmpty()) {
            LOG.log(Level.DEBUG, "Password grant rejected: invalid credentials");
            return OAuthError.INVALID_GRANT.response(BAD_CREDENTIALS);
        }
        Caller signedIn = caller.get();
        IssuedRefreshToken refresh = refreshTokens == null ? null
                : refreshTokens.issue(signedIn.name(), signedIn.groups());
        return success(signedIn.name(), signedIn.groups(), refresh);
    }

    private EndpointResponse refreshGrant(Map<String, List<String>> parameters) {
        if (refreshTokens == null) {
            return OAuthError.UNSUPPORTED_GRANT_TYPE.response(
                    "Refresh tokens are disabled on this server.");
        }
        String presented = single(parameters, "refresh_token");
        if (presented == null) {
            return OAuthError.INVALID_REQUEST.response("Missing parameter: refresh_token.");
        }
        try {
            IssuedRefreshToken successor = refreshTokens.rotate(presented);
            return success(successor.subject(), successor.groups(), successor);
        } catch (RefreshRejectedException e) {
            LOG.log(Level.DEBUG, "Refresh grant rejected: {0}", e.reason().code());
            return OAuthError.INVALID_GRANT.response(BAD_REFRESH_TOKEN);
        }
    }

    private EndpointResponse success(String subject, Collection<String> groups,
            IssuedRefreshToken refresh) {
        IssuedToken access = issuer.issue(subject, groups, Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", secondsBetween(access.issuedAt(), access.expiresAt()));
        if (refresh != null) {
            body.put("refresh_token", refresh.value());
        }
        return new EndpointResponse(200, EndpointResponse.NO_STORE,
                JsonUtil.toJson(body));
    }

    /** Rejects repeated parameters (RFC 6749 section 3.2) and oversized values. */
    private static Optional<EndpointResponse> checkParameters(
            Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (entry.getKey().length() > MAX_PARAMETER_LENGTH) {
                return Optional.of(OAuthError.INVALID_REQUEST.response("A parameter name is"
                        + " longer than " + MAX_PARAMETER_LENGTH + " characters."));
            }
            if (entry.getValue().size() > 1) {
                return Optional.of(OAuthError.INVALID_REQUEST.response(
                        "Parameter " + safeName(entry.getKey()) + " was sent more than once."));
            }
            for (String value : entry.getValue()) {
                if (value != null && value.length() > MAX_PARAMETER_LENGTH) {
                    return Optional.of(OAuthError.INVALID_REQUEST.response("Parameter "
                            + safeName(entry.getKey()) + " is longer than "
                            + MAX_PARAMETER_LENGTH + " characters."));
                }
            }
        }
        return Optional.empty();
    }

    /** Echoes a parameter name only when it is short and plain, to keep the response clean. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z0-9_]{1,40}") ? name : "(unnamed)";
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null
                || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }
}
