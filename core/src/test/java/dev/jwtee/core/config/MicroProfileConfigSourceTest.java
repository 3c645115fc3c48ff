package dev.jwtee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class MicroProfileConfigSourceTest {

    @Test
    void find_apiNotVisible_empty() {
        ClassLoader plain = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());

        assertEquals(Optional.empty(), MicroProfileConfigSource.find(plain));
    }

    @Test
    void find_apiWithoutImplementation_empty() {
        URL api = ConfigProvider.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader apiOnly = new URLClassLoader(new URL[] {api},
                ClassLoader.getPlatformClassLoader());

        assertEquals(Optional.empty(), MicroProfileConfigSource.find(apiOnly));
    }

    @Test
    void get_definedKey_value() {
        try (var config = MicroProfileConfigFixture.with(Map.of("jwtee.issuer", "https://mp"))) {
            var source = MicroProfileConfigSource.find(config.loader()).orElseThrow();

            assertEquals(Optional.of("https://mp"), source.get("jwtee.issuer"));
        }
    }

    @Test
    void get_undefinedKey_empty() {
        try (var config = MicroProfileConfigFixture.with(Map.of("jwtee.issuer", "https://mp"))) {
            var source = MicroProfileConfigSource.find(config.loader()).orElseThrow();

            assertEquals(Optional.empty(), source.get("jwtee.audience"));
        }
    }

    @Test
    void get_emptyValue_empty() {
        try (var config = MicroProfileConfigFixture.with(Map.of("jwtee.audience", ""))) {
            var source = MicroProfileConfigSource.find(config.loader()).orElseThrow();

            assertEquals(Optional.empty(), source.get("jwtee.audience"));
        }
    }

    @Test
    void get_sourceFails_configurationExceptionNamingKey() {
        try (var config = MicroProfileConfigFixture.with(new FailingSource())) {
            var source = MicroProfileConfigSource.find(config.loader()).orElseThrow();

            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> source.get("jwtee.issuer"));
            assertEquals("jwtee.issuer", error.key());
        }
    }

    @Test
    void propertyNames_configuredNames_listed() {
        try (var config = MicroProfileConfigFixture.with(Map.of("jwtee.isuer", "typo"))) {
            var source = MicroProfileConfigSource.find(config.loader()).orElseThrow();

            assertTrue(source.propertyNames().contains("jwtee.isuer"), "names listed");
        }
    }

    /** A source whose back end is down when asked for a jwtee key. */
    private static final class FailingSource implements ConfigSource {

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public int getOrdinal() {
            return DEFAULT_ORDINAL;
        }

        @Override
        public String getValue(String name) {
            if (name.startsWith("jwtee.")) {
                throw new IllegalStateException("configuration back end unreachable");
            }
            return null;
        }

        @Override
        public String getName() {
            return "failing";
        }
    }
}
