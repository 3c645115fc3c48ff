package dev.jwtee.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.refresh.IssuedRefreshToken;
import dev.jwtee.core.refresh.RefreshTokenService;
import dev.jwtee.core.token.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a deployment from configuration. */
class JwteeTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"),
            ZoneOffset.UTC);

    @Test
    void build_jpaUrl_opensStoreOnThatDatabase() throws Exception {
        Map<String, String> values = minimal();
        values.put("jwtee.jpa.url", "jdbc:h2:mem:jwtee-builder;DB_CLOSE_DELAY=-1");
        values.put("jwtee.jpa.user", "sa");

        try (Jwtee jwtee = build(values)) {
            RefreshTokenService refresh = jwtee.refreshTokens().orElseThrow();
            IssuedRefreshToken issued = refresh.issue("alice", List.of());

            assertEquals(issued.familyId(), refresh.rotate(issued.value()).familyId());
        }
    }

    @Test
    void build_jpaWithoutDatabase_rejectedNamingStoreKey() {
        Map<String, String> values = minimal();

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> build(values).close());

        assertEquals("jwtee.refresh.store", error.key());
    }

    @Test
    void build_failsAfterOpeningStore_closesStore() throws Exception {
        String url = "jdbc:h2:mem:jwtee-leak;DB_CLOSE_DELAY=-1";
        Path pem = dir.resolve("public.pem");
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Map<String, String> values = minimal();
        values.remove("jwtee.keys.hmac-secret");
        values.put("jwtee.keys.pem-file", pem.toString());
        values.put("jwtee.keys.pem-kid", "rsa-1");
        values.put("jwtee.jpa.url", url);
        values.put("jwtee.jpa.user", "sa");

        assertThrows(ConfigurationException.class, () -> build(values).close());

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet sessions = statement.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            sessions.next();
            assertEquals(1, sessions.getInt(1), "sessions left open by the failed build");
        }
    }

    @Test
    void build_refreshDisabled_hasNoRefreshService() {
        Map<String, String> values = minimal();
        values.put("jwtee.refresh.enabled", "false");

        try (Jwtee jwtee = build(values)) {
            assertTrue(jwtee.refreshTokens().isEmpty());
        }
    }

    @Test
    void authenticate_issuedToken_mapsGroupsToRoles() throws Exception {
        Map<String, String> values = minimal();
        values.put("jwtee.refresh.store", "memory");

        try (Jwtee jwtee = build(values)) {
            JwteeConfig config = jwtee.config();
            String token = new TokenIssuer(config.token(), config.keys(), CLOCK)
                    .issue("alice", List.of("admin"), Map.of()).value();

            JwteePrincipal principal = jwtee.authenticate(token);

            assertTrue(principal.hasRole("admin"));
        }
    }

    private static Jwtee build(Map<String, String> values) {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", values));
        return Jwtee.builder(config).clock(CLOCK).build();
    }

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("jwtee.issuer", "https://auth.example.test");
        values.put("jwtee.keys.hmac-secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return values;
    }
}
