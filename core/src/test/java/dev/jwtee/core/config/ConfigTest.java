package dev.jwtee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Configuration sources, the typed reader and the settings records. */
class ConfigTest {

    private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String PASSWORD = "db-Pa55word-xyzzy";

    @Test
    void environmentName_dottedKey_upperCaseWithUnderscores() {
        assertEquals("JWTEE_KEYS_HMAC_SECRET",
                ConfigSources.environmentName("jwtee.keys.hmac-secret"));
    }

    @Test
    void chain_keyInBoth_firstSourceWins() {
        ConfigSource chain = chain();

        assertEquals(Optional.of("first"), chain.get("jwtee.issuer"));
    }

    @Test
    void chain_keyOnlyInSecond_fallsThrough() {
        ConfigSource chain = chain();

        assertEquals(Optional.of("second"), chain.get("jwtee.audience"));
    }

    @Test
    void chain_keyInNeither_empty() {
        ConfigSource chain = chain();

        assertEquals(Optional.empty(), chain.get("jwtee.realm"));
    }

    @Test
    void chain_blankInFirst_stillWinsOverSecond() {
        ConfigSource chain = ConfigSources.chain(List.of(
                ConfigSources.of("first", Map.of("jwtee.realm", "")),
                ConfigSources.of("second", Map.of("jwtee.realm", "api"))));

        assertEquals(Optional.of(""), chain.get("jwtee.realm"));
    }

    @Test
    void reader_badInteger_namesKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> reader("jwtee.token.max-size", "big").integer("jwtee.token.max-size",
                        8192, 512, 65536));

        assertEquals("jwtee.token.max-size", error.key());
    }

    @Test
    void reader_integerOutOfRange_namesKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> reader("jwtee.token.max-size", "100").integer("jwtee.token.max-size",
                        8192, 512, 65536));

        assertEquals("jwtee.token.max-size", error.key());
    }

    @Test
    void reader_secondsOutOfRange_namesKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> reader("jwtee.clock-skew", "-1").seconds("jwtee.clock-skew",
                        Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5)));

        assertEquals("jwtee.clock-skew", error.key());
    }

    @Test
    void reader_secondsWithUnit_namesKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> reader("jwtee.clock-skew", "30s").seconds("jwtee.clock-skew",
                        Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5)));

        assertEquals("jwtee.clock-skew", error.key());
    }

    @Test
    void reader_badBoolean_namesKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> reader("jwtee.refresh.enabled", "yes").bool("jwtee.refresh.enabled",
                        true));

        assertEquals("jwtee.refresh.enabled", error.key());
    }

    @Test
    void reader_booleanAnyCase_parsed() {
        assertFalse(reader("jwtee.refresh.enabled", " FALSE ").bool("jwtee.refresh.enabled",
                true));
    }

    @Test
    void reader_blankValue_usesDefault() {
        assertEquals(7, reader("jwtee.n", "  ").integer("jwtee.n", 7, 0, 10));
    }

    @Test
    void reader_list_dropsBlankEntries() {
        assertEquals(List.of("a", "b"), reader("jwtee.list", " a, ,b ,").list("jwtee.list"));
    }

    @Test
    void read_missingIssuer_namesIssuer() {
        Map<String, String> values = minimal();
        values.remove("jwtee.issuer");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JwteeConfig.read(ConfigSources.of("test", values)));

        assertEquals("jwtee.issuer", error.key());
    }

    @Test
    void read_missingIssuer_messageNamesEnvironmentVariable() {
        Map<String, String> values = minimal();
        values.remove("jwtee.issuer");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JwteeConfig.read(ConfigSources.of("test", values)));

        assertTrue(error.getMessage().contains("JWTEE_ISSUER"), error.getMessage());
    }

    @Test
    void read_minimal_usesDefaults() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", minimal()));

        assertEquals(Duration.ofSeconds(30), config.token().clockSkew());
    }

    @Test
    void read_audienceAbsent_defaultsToIssuer() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", minimal()));

        assertEquals("https://auth.example.test", config.token().audience());
    }

    @Test
    void read_clockSkew300_accepted() {
        JwteeConfig config = read("jwtee.clock-skew", "300");

        assertEquals(Duration.ofMinutes(5), config.token().clockSkew());
    }

    @Test
    void read_clockSkew301_rejected() {
        ConfigurationException error = readError("jwtee.clock-skew", "301");

        assertEquals("jwtee.clock-skew", error.key());
    }

    @Test
    void tokenSettings_clockSkewAboveMax_rejected() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> new TokenSettings("iss", "aud", Duration.ofMinutes(15),
                        Duration.ofSeconds(301), 8192, Set.of("at+jwt")));

        assertEquals("jwtee.clock-skew", error.key());
    }

    @Test
    void read_idleAboveAbsolute_rejected() {
        Map<String, String> values = minimal();
        values.put("jwtee.refresh.idle-lifetime", "7200");
        values.put("jwtee.refresh.absolute-lifetime", "3600");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JwteeConfig.read(ConfigSources.of("test", values)));

        assertEquals("jwtee.refresh.idle-lifetime", error.key());
    }

    @Test
    void read_idleEqualsAbsolute_accepted() {
        Map<String, String> values = minimal();
        values.put("jwtee.refresh.idle-lifetime", "3600");
        values.put("jwtee.refresh.absolute-lifetime", "3600");

        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", values));

        assertEquals(Duration.ofHours(1), config.refresh().idleLifetime());
    }

    @Test
    void read_unknownStore_rejected() {
        ConfigurationException error = readError("jwtee.refresh.store", "redis");

        assertEquals("jwtee.refresh.store", error.key());
    }

    @Test
    void read_jdbcUrlAndDataSource_rejected() {
        Map<String, String> values = minimal();
        values.put("jwtee.jpa.url", "jdbc:h2:mem:x");
        values.put("jwtee.jpa.data-source", "java:comp/DefaultDataSource");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JwteeConfig.read(ConfigSources.of("test", values)));

        assertEquals("jwtee.jpa.url", error.key());
    }

    @Test
    void read_jdbcSettings_becomePersistenceProperties() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", withDatabase()));

        assertEquals(Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:x",
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", PASSWORD),
                config.refresh().persistenceProperties());
    }

    @Test
    void isPublic_exactPattern_matchesOnlyThatPath() {
        HttpSettings http = http("/health");

        assertTrue(http.isPublic("/health"));
        assertFalse(http.isPublic("/health/live"));
        assertFalse(http.isPublic("/healthz"));
    }

    @Test
    void isPublic_prefixPattern_matchesBaseAndBelow() {
        HttpSettings http = http("/static/*");

        assertTrue(http.isPublic("/static"));
        assertTrue(http.isPublic("/static/css/site.css"));
        assertFalse(http.isPublic("/staticfiles/x"));
        assertFalse(http.isPublic("/api/static/x"));
    }

    @Test
    void read_prefixPattern_accepted() {
        HttpSettings http = http("/static/*, /*");

        assertEquals(List.of("/static/*", "/*"), http.publicPaths());
    }

    @Test
    void matches_prefixPattern_matchesBaseAndBelow() {
        assertTrue(PathPattern.matches("/static/*", "/static"));
        assertTrue(PathPattern.matches("/static/*", "/static/css/site.css"));
        assertFalse(PathPattern.matches("/static/*", "/staticfiles/x"));
    }

    @Test
    void matches_rootPrefixPattern_matchesEverything() {
        assertTrue(PathPattern.matches("/*", "/api/orders"));
    }

    @Test
    void isPublic_extensionPattern_matchesLastSegment() {
        HttpSettings http = http("*.css");

        assertTrue(http.isPublic("/a/b/site.css"));
        assertFalse(http.isPublic("/site.css/secret"));
        assertFalse(http.isPublic("/site.CSS"));
    }

    @Test
    void isPublic_noPatterns_nothingPublic() {
        HttpSettings http = JwteeConfig.read(ConfigSources.of("test", minimal())).http();

        assertFalse(http.isPublic("/"));
    }

    @Test
    void read_publicPathWithoutSlash_rejected() {
        ConfigurationException error = readError("jwtee.public-paths", "static/*");

        assertEquals("jwtee.public-paths", error.key());
    }

    @Test
    void read_publicPathWildcardInMiddle_rejected() {
        ConfigurationException error = readError("jwtee.public-paths", "/a/*/b");

        assertEquals("jwtee.public-paths", error.key());
    }

    @Test
    void read_publicPathBareExtension_rejected() {
        ConfigurationException error = readError("jwtee.public-paths", "*.");

        assertEquals("jwtee.public-paths", error.key());
    }

    @Test
    void read_realmWithQuote_rejected() {
        ConfigurationException error = readError("jwtee.realm", "my\"realm");

        assertEquals("jwtee.realm", error.key());
    }

    @Test
    void read_tokenPathWithDotDot_rejected() {
        ConfigurationException error = readError("jwtee.endpoint.token-path", "/auth/../token");

        assertEquals("jwtee.endpoint.token-path", error.key());
    }

    @Test
    void refreshSettings_toString_hidesPassword() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", withDatabase()));

        assertFalse(config.refresh().toString().contains(PASSWORD), config.refresh()
                .toString());
    }

    @Test
    void config_toString_hidesPassword() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", withDatabase()));

        assertFalse(config.toString().contains(PASSWORD), config.toString());
    }

    @Test
    void config_toString_hidesHmacSecret() {
        JwteeConfig config = JwteeConfig.read(ConfigSources.of("test", withDatabase()));

        assertFalse(config.toString().contains(SECRET.substring(0, 12)), config.toString());
    }

    private static ConfigSource chain() {
        return ConfigSources.chain(List.of(
                ConfigSources.of("first", Map.of("jwtee.issuer", "first")),
                ConfigSources.of("second", Map.of("jwtee.issuer", "second",
                        "jwtee.audience", "second"))));
    }

    private static ConfigReader reader(String key, String value) {
        return new ConfigReader(ConfigSources.of("test", Map.of(key, value)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("jwtee.issuer", "https://auth.example.test");
        values.put("jwtee.keys.hmac-secret", SECRET);
        return values;
    }

    private static Map<String, String> withDatabase() {
        Map<String, String> values = minimal();
        values.put("jwtee.jpa.url", "jdbc:h2:mem:x");
        values.put("jwtee.jpa.user", "sa");
        values.put("jwtee.jpa.password", PASSWORD);
        return values;
    }

    private static JwteeConfig read(String key, String value) {
        Map<String, String> values = minimal();
        values.put(key, value);
        return JwteeConfig.read(ConfigSources.of("test", values));
    }

    private static ConfigurationException readError(String key, String value) {
        Map<String, String> values = minimal();
        values.put(key, value);
        return assertThrows(ConfigurationException.class,
                () -> JwteeConfig.read(ConfigSources.of("test", values)));
    }

    private static HttpSettings http(String publicPaths) {
        return read("jwtee.public-paths", publicPaths).http();
    }
}
