package dev.jwtee.servlet.containers;

import dev.jwtee.core.endpoint.Caller;
import dev.jwtee.core.endpoint.CredentialValidator;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts one user, {@code alice} with password {@code alice-pass} and role {@code customer},
 * named in {@code jwtee.credential-validator} as an application would name its own class.
 */
public class TestCredentialValidator implements CredentialValidator {

    /** The one accepted user. */
    public static final String USER = "alice";

    /** The password of {@link #USER}. */
    public static final String PASSWORD = "alice-pass";

    @Override
    public Optional<Caller> validate(String username, char[] password) {
        if (USER.equals(username) && Arrays.equals(PASSWORD.toCharArray(), password)) {
            return Optional.of(new Caller(USER, Set.of("customer")));
        }
        return Optional.empty();
    }
}
