package dev.jwtee.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.config.RefreshSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The refresh-token configuration keys and how a deployment applies them. */
class RefreshConfigurationTest {

    @Test
    void read_noKeys_gracePeriodOff() {
        assertEquals(Duration.ZERO, settings(Map.of()).gracePeriod());
    }

    @Test
    void read_noKeys_purgesHourly() {
        assertEquals(Duration.ofHours(1), settings(Map.of()).purgeInterval());
    }

    @Test
    void read_noKeys_keepsRevokedForOneDay() {
        assertEquals(Duration.ofDays(1), settings(Map.of()).revokedRetention());
    }

    @Test
    void read_noKeys_hasNoRoleRefresher() {
        assertEquals(Optional.empty(), settings(Map.of()).roleRefresher());
    }

    @Test
    void read_gracePeriod_isSeconds() {
        assertEquals(Duration.ofSeconds(20),
                settings(Map.of("jwtee.refresh.grace-period", "20")).gracePeriod());
    }

    @Test
    void read_gracePeriodAtCap_isAccepted() {
        assertEquals(RefreshSettings.MAX_GRACE_PERIOD,
                settings(Map.of("jwtee.refresh.grace-period", "60")).gracePeriod());
    }

    @Test
    void read_gracePeriodOverCap_rejectedNamingKey() {
        assertEquals("jwtee.refresh.grace-period",
                error(Map.of("jwtee.refresh.grace-period", "61")).key());
    }

    @Test
    void read_negativeGracePeriod_rejectedNamingKey() {
        assertEquals("jwtee.refresh.grace-period",
                error(Map.of("jwtee.refresh.grace-period", "-1")).key());
    }

    @Test
    void read_purgeIntervalZero_isAccepted() {
        assertEquals(Duration.ZERO,
                settings(Map.of("jwtee.refresh.purge-interval", "0")).purgeInterval());
    }

    @Test
    void read_purgeIntervalNotNumber_rejectedNamingKey() {
        assertEquals("jwtee.refresh.purge-interval",
                error(Map.of("jwtee.refresh.purge-interval", "hourly")).key());
    }

    @Test
    void read_revokedRetention_isSeconds() {
        assertEquals(Duration.ofMinutes(5),
                settings(Map.of("jwtee.refresh.revoked-retention", "300")).revokedRetention());
    }

    @Test
    void read_roleRefresher_keepsClassName() {
        assertEquals(Optional.of(Demoting.class.getName()), settings(Map.of(
                "jwtee.refresh.role-refresher", Demoting.class.getName())).roleRefresher());
    }

    @Test
    void build_roleRefresherClass_demotesOnRefresh() throws Exception {
        try (Jwtee jwtee = build(Map.of("jwtee.refresh.role-refresher",
                Demoting.class.getName()))) {
            RefreshTokenService tokens = jwtee.refreshTokens().orElseThrow();
            IssuedRefreshToken issued = tokens.issue("alice", List.of("customer", "admin"));

            assertEquals(List.of("customer"), tokens.rotate(issued.value()).groups());
        }
    }

    @Test
    void build_builderRoleRefresher_overridesConfiguredClass() throws Exception {
        JwteeConfig config = config(Map.of("jwtee.refresh.role-refresher",
                Demoting.class.getName()));
        try (Jwtee jwtee = Jwtee.builder(config)
                .roleRefresher((subject, stored) -> Optional.of(List.of("auditor"))).build()) {
            RefreshTokenService tokens = jwtee.refreshTokens().orElseThrow();
            IssuedRefreshToken issued = tokens.issue("alice", List.of("admin"));

            assertEquals(List.of("auditor"), tokens.rotate(issued.value()).groups());
        }
    }

    @Test
    void build_unknownRoleRefresherClass_rejectedNamingKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> build(Map.of("jwtee.refresh.role-refresher", "com.example.Missing")));

        assertEquals("jwtee.refresh.role-refresher", error.key());
    }

    @Test
    void build_roleRefresherOfWrongType_rejectedNamingKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> build(Map.of("jwtee.refresh.role-refresher", String.class.getName())));

        assertEquals("jwtee.refresh.role-refresher", error.key());
    }

    @Test
    void build_roleRefresherWithoutPublicConstructor_rejectedNamingKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> build(Map.of("jwtee.refresh.role-refresher", Hidden.class.getName())));

        assertEquals("jwtee.refresh.role-refresher", error.key());
    }

    @Test
    void build_defaultPurgeInterval_startsPurgeThread() {
        Set<Thread> before = PurgeScheduleTest.purgeThreads();
        try (Jwtee jwtee = build(Map.of())) {
            assertEquals(before.size() + 1, PurgeScheduleTest.purgeThreads().size());
        }
    }

    @Test
    void close_deployment_stopsPurgeThread() throws InterruptedException {
        Set<Thread> before = PurgeScheduleTest.purgeThreads();
        Jwtee jwtee = build(Map.of());
        Set<Thread> started = PurgeScheduleTest.purgeThreads();
        started.removeAll(before);

        jwtee.close();

        // The executor reports termination just before its thread exits, so each is joined.
        assertEquals(1, started.size(), "purge threads started by the deployment");
        for (Thread thread : started) {
            thread.join(5_000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close");
        }
    }

    @Test
    void build_purgeIntervalZero_startsNoThread() {
        Set<Thread> before = PurgeScheduleTest.purgeThreads();
        try (Jwtee jwtee = build(Map.of("jwtee.refresh.purge-interval", "0"))) {
            assertEquals(before, PurgeScheduleTest.purgeThreads());
        }
    }

    /** A refresher that keeps every role but {@code admin}; loaded by class name. */
    public static final class Demoting implements RoleRefresher {

        /** Creates the refresher. */
        public Demoting() {
        }

        @Override
        public Optional<List<String>> currentRoles(String subject, List<String> storedRoles) {
            return Optional.of(storedRoles.stream().filter(role -> !role.equals("admin"))
                    .toList());
        }
    }

    /** A refresher without a public constructor. */
    public static final class Hidden implements RoleRefresher {

        private Hidden() {
        }

        @Override
        public Optional<List<String>> currentRoles(String subject, List<String> storedRoles) {
            return Optional.of(storedRoles);
        }
    }

    private static Jwtee build(Map<String, String> refreshKeys) {
        return Jwtee.builder(config(refreshKeys)).build();
    }

    private static RefreshSettings settings(Map<String, String> refreshKeys) {
        return config(refreshKeys).refresh();
    }

    private static ConfigurationException error(Map<String, String> refreshKeys) {
        return assertThrows(ConfigurationException.class, () -> config(refreshKeys));
    }

    private static JwteeConfig config(Map<String, String> refreshKeys) {
        Map<String, String> values = new HashMap<>(refreshKeys);
        values.put("jwtee.issuer", "https://auth.example.test");
        values.put("jwtee.keys.hmac-secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        values.put("jwtee.refresh.store", "memory");
        return JwteeConfig.read(ConfigSources.of("test", values));
    }
}
