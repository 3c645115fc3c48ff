package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshTokenService;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a first start the persistence unit creates its tables in an empty schema, and on the next
 * start it uses them as they are. On H2 the whole store contract also runs on generated tables
 * ({@link JpaRefreshTokenStoreTest}).
 */
class SchemaGenerationTest {

    private static final RefreshSettings SETTINGS = new RefreshSettings(true, StoreKind.JPA,
            Duration.ofHours(1), Duration.ofHours(3), Map.of());

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void firstStart_emptySchema_createsWorkingTables(TestDatabase database) throws Exception {
        database.assumeEnabled();
        try (TestSchema schema = database.createSchema("generated")) {
            EntityManagerFactory factory = schema.openFactory(true);
            try {
                RefreshTokenService service = new RefreshTokenService(
                        new JpaRefreshTokenStore(factory), SETTINGS, Clock.systemUTC());
                service.rotate(service.issue("alice", List.of()).value());
            } finally {
                factory.close();
            }

            assertEquals(2, schema.count("jwtee_refresh_token"));
            assertEquals(1, schema.count("jwtee_refresh_family"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void secondStart_existingTables_keepsTokens(TestDatabase database) throws Exception {
        database.assumeEnabled();
        try (TestSchema schema = database.createSchema("restart")) {
            IssuedRefreshToken issued = withService(schema, service ->
                    service.issue("alice", List.of("user")));

            IssuedRefreshToken rotated = withService(schema, service ->
                    service.rotate(issued.value()));

            assertEquals(List.of("user"), rotated.groups());
        }
    }

    private static IssuedRefreshToken withService(TestSchema schema, ServiceCall call)
            throws Exception {
        EntityManagerFactory factory = schema.openFactory(true);
        try {
            return call.apply(new RefreshTokenService(new JpaRefreshTokenStore(factory), SETTINGS,
                    Clock.systemUTC()));
        } finally {
            factory.close();
        }
    }

    /** A call on a service that may reject the token. */
    @FunctionalInterface
    private interface ServiceCall {
        IssuedRefreshToken apply(RefreshTokenService service) throws Exception;
    }
}
