package dev.jwtee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order of the configuration sources that every adapter shares: its own sources,
 * MicroProfile Config, system properties, environment variables.
 */
class ApplicationConfigurationTest {

    private static final String KEY = "jwtee.audience";

    private final MicroProfileConfigFixture config =
            MicroProfileConfigFixture.with(Map.of(KEY, "from-microprofile"));

    @AfterEach
    void release() {
        config.close();
        System.clearProperty(KEY);
    }

    @Test
    void source_applicationAndMicroProfile_applicationWins() {
        var application = ConfigSources.of("application", Map.of(KEY, "from-application"));

        var source = ApplicationConfiguration.source(List.of(application), config.loader());

        assertEquals(Optional.of("from-application"), source.get(KEY));
    }

    @Test
    void source_twoApplicationSources_firstWins() {
        var first = ConfigSources.of("first", Map.of(KEY, "from-first"));
        var second = ConfigSources.of("second", Map.of(KEY, "from-second"));

        var source = ApplicationConfiguration.source(List.of(first, second), config.loader());

        assertEquals(Optional.of("from-first"), source.get(KEY));
    }

    @Test
    void source_microProfileAndSystemProperty_microProfileWins() {
        System.setProperty(KEY, "from-system-property");

        var source = ApplicationConfiguration.source(List.of(), config.loader());

        assertEquals(Optional.of("from-microprofile"), source.get(KEY));
    }

    @Test
    void source_keyNotInMicroProfile_systemPropertyUsed() {
        System.setProperty("jwtee.realm", "from-system-property");
        try {
            var source = ApplicationConfiguration.source(List.of(), config.loader());

            assertEquals(Optional.of("from-system-property"), source.get("jwtee.realm"));
        } finally {
            System.clearProperty("jwtee.realm");
        }
    }

    @Test
    void source_microProfileApiNotVisible_systemPropertyUsed() {
        System.setProperty(KEY, "from-system-property");
        ClassLoader withoutApi = new URLClassLoader(new URL[0],
                ClassLoader.getPlatformClassLoader());

        var source = ApplicationConfiguration.source(List.of(), withoutApi);

        assertEquals(Optional.of("from-system-property"), source.get(KEY));
    }

    @Test
    void source_keyDefinedNowhere_empty() {
        var source = ApplicationConfiguration.source(List.of(), config.loader());

        assertEquals(Optional.empty(), source.get("jwtee.keys.pem-kid"));
    }
}
