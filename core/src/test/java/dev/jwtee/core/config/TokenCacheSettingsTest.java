package dev.jwtee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of the verified-token cache. */
class TokenCacheSettingsTest {

    private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void read_keysAbsent_defaults() {
        assertEquals(TokenCacheSettings.DEFAULTS, read(Map.of()).tokenCache());
        assertEquals(new TokenCacheSettings(10_000, Duration.ofSeconds(60)),
                TokenCacheSettings.DEFAULTS);
    }

    @Test
    void read_sizeZero_cacheOff() {
        assertFalse(read(Map.of("jwtee.token.cache-size", "0")).tokenCache().enabled());
    }

    @Test
    void read_maxAge300_accepted() {
        assertEquals(Duration.ofMinutes(5),
                read(Map.of("jwtee.token.cache-max-age", "300")).tokenCache().maxAge());
    }

    @Test
    void read_maxAge301_rejectedNamingKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> read(Map.of("jwtee.token.cache-max-age", "301")));

        assertEquals("jwtee.token.cache-max-age", error.key());
    }

    @Test
    void read_negativeSize_rejectedNamingKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> read(Map.of("jwtee.token.cache-size", "-1")));

        assertEquals("jwtee.token.cache-size", error.key());
    }

    private static JwteeConfig read(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("jwtee.issuer", "https://auth.example.test");
        values.put("jwtee.keys.hmac-secret", SECRET);
        return JwteeConfig.read(ConfigSources.of("test", values));
    }
}
