package dev.jwtee.core.endpoint;

import java.util.Optional;

/**
 * Checks a user name and password at sign-in ({@code grant_type=password}). Applications
 * provide their own by naming the class in {@code jwtee.credential-validator}; it needs a public
 * no-argument constructor. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialValidator {

    /**
     * Returns the caller when the credentials are valid. Implementations should take the same
     * time whether the user is unknown or the password is wrong.
     *
     * @param username the user name as sent, never {@code null}
     * @param password the password as sent, never {@code null}; the caller clears it afterwards
     * @return the caller, or empty when the credentials are invalid
     */
    Optional<Caller> validate(String username, char[] password);
}
