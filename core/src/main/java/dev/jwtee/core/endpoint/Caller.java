package dev.jwtee.core.endpoint;

import java.util.Objects;
import java.util.Set;

/**
 * A user whose credentials a {@link CredentialValidator} accepted. Immutable.
 *
 * @param name the user name, written to the token's {@code sub}
 * @param groups the user's roles, written to the token's {@code groups}
 */
public record Caller(String name, Set<String> groups) {

    /** Checks the name and copies the groups. */
    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name must not be blank");
        }
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
    }
}
