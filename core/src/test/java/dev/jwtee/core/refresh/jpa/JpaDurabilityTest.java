package dev.jwtee.core.refresh.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtee.core.config.RefreshSettings;
import dev.jwtee.core.config.RefreshSettings.StoreKind;
import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.MutableClock;
import dev.jwtee.core.refresh.RefreshTokenService;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh tokens kept by the JPA store outlive the persistence unit that wrote them. */
class JpaDurabilityTest {

    private static final RefreshSettings SETTINGS = new RefreshSettings(true, StoreKind.JPA,
            Duration.ofHours(1), Duration.ofHours(3), Map.of());

    @TempDir
    Path dir;

    @Test
    void rotate_afterFactoryReopened_succeeds() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("jwtee").toAbsolutePath();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        IssuedRefreshToken issued;
        EntityManagerFactory first = JpaRefreshTokenStoreTest.open(url);
        try {
            issued = new RefreshTokenService(new JpaRefreshTokenStore(first), SETTINGS, clock)
                    .issue("alice", List.of("user"));
        } finally {
            first.close();
        }
        clock.advance(Duration.ofMinutes(10));

        EntityManagerFactory second = JpaRefreshTokenStoreTest.open(url);
        try {
            IssuedRefreshToken rotated = new RefreshTokenService(
                    new JpaRefreshTokenStore(second), SETTINGS, clock).rotate(issued.value());

            assertEquals(issued.familyId(), rotated.familyId());
            assertEquals(List.of("user"), rotated.groups());
        } finally {
            second.close();
        }
    }
}
