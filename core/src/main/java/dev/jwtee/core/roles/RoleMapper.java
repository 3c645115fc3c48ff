package dev.jwtee.core.roles;

import dev.jwtee.core.token.VerifiedToken;
import java.util.Set;

/**
 * Maps a verified token's claims to the caller's role names, as seen by
 * {@code isUserInRole} and {@code @RolesAllowed}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RoleMapper {

    /**
     * Returns the roles of the token's caller.
     *
     * @param token a verified token
     * @return the role names, never {@code null}; empty when the caller has none
     */
    Set<String> roles(VerifiedToken token);

    /**
     * Returns the default mapper, which takes the {@code groups} claim as roles (the
     * MicroProfile JWT convention).
     *
     * @return a stateless mapper
     */
    static RoleMapper groupsClaim() {
        return token -> Set.copyOf(token.groups());
    }
}
