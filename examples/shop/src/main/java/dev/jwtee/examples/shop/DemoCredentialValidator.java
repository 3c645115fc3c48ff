package dev.jwtee.examples.shop;

import dev.jwtee.core.endpoint.Caller;
import dev.jwtee.core.endpoint.CredentialValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DEMO ONLY: three fixed users with their passwords in the source code. A real application
 * checks credentials against its user store, or leaves {@code jwtee.credential-validator} at
 * {@code container} to use the server's realm.
 *
 * <p>Users: {@code alice}/{@code alice-pass} (customer, vip), {@code bob}/{@code bob-pass}
 * (customer), {@code carol}/{@code carol-pass} (admin).
 */
public class DemoCredentialValidator implements CredentialValidator {

    private record DemoUser(String password, Set<String> groups) {
    }

    private static final Map<String, DemoUser> USERS = Map.of(
            "alice", new DemoUser("alice-pass", Set.of("customer", "vip")),
            "bob", new DemoUser("bob-pass", Set.of("customer")),
            "carol", new DemoUser("carol-pass", Set.of("admin")));

    /** Compares against a dummy password for unknown users, so both cases take equal time. */
    private static final DemoUser NOBODY = new DemoUser("\0unknown user\0", Set.of());

    @Override
    public Optional<Caller> validate(String username, char[] password) {
        DemoUser user = USERS.getOrDefault(username, NOBODY);
        byte[] expected = user.password().getBytes(StandardCharsets.UTF_8);
        byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(expected, given);
        if (!matches || user == NOBODY) {
            return Optional.empty();
        }
        return Optional.of(new Caller(username, user.groups()));
    }
}
