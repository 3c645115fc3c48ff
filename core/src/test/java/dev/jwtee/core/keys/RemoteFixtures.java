package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.token.TokenVerifier;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/** Keys, documents, settings and log capture for the remote JWK set tests. */
final class RemoteFixtures {

    static final KeyPair RSA = KeyFixtures.RSA;
    static final KeyPair NEXT_RSA = KeyFixtures.generate("RSA", 2048);

    private RemoteFixtures() {
    }

    /** Returns the public JWK set document of {@code keys}. */
    static String jwks(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Returns the JWK set document of {@code keys} with their private parts. */
    static String jwksWithPrivateParts(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** Returns a document with the RSA key {@code rsa-1}. */
    static String rsaJwks() {
        return jwks(KeyFixtures.jwk(RSA, "rsa-1", false));
    }

    /** Returns a document with the next RSA key only, as {@code rsa-2}. */
    static String nextJwks() {
        return jwks(KeyFixtures.jwk(NEXT_RSA, "rsa-2", false));
    }

    /**
     * Returns settings with the production defaults except for short timeouts: refetch
     * interval 60 s, default max age 300 s, max age bounded to 30 s to 1 day.
     */
    static RemoteJwksSettings settings(URI url) {
        return withReadTimeout(url, Duration.ofSeconds(2));
    }

    static RemoteJwksSettings withReadTimeout(URI url, Duration readTimeout) {
        return new RemoteJwksSettings(url, Duration.ofSeconds(60), Duration.ofSeconds(300),
                Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofSeconds(1), readTimeout,
                RemoteJwksSettings.MAX_BYTES, Set.of());
    }

    static RemoteJwksSettings withAlgorithms(URI url, Set<String> algorithms) {
        return new RemoteJwksSettings(url, Duration.ofSeconds(60), Duration.ofSeconds(300),
                Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), RemoteJwksSettings.MAX_BYTES, algorithms);
    }

    static MutableClock clock() {
        return new MutableClock(KeyFixtures.NOW);
    }

    /** Returns the error of a start against {@code server}. */
    static ConfigurationException startError(JwksServer server) {
        return assertThrows(ConfigurationException.class,
                () -> RemoteJwks.start(settings(server.url()), clock()));
    }

    /** Signs a valid RS256 access token for alice with {@code pair}, as {@code kid}. */
    static String token(String kid, KeyPair pair) {
        try {
            return KeyFixtures.token("RS256", kid, pair.getPrivate());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a verifier for issuer {@link KeyFixtures#ISSUER} over {@code keys}. */
    static TokenVerifier verifier(VerificationKeys keys) {
        TokenSettings settings = new TokenSettings(KeyFixtures.ISSUER, KeyFixtures.ISSUER,
                Duration.ofMinutes(15), Duration.ZERO, 8192, Set.of("at+jwt"));
        return new TokenVerifier(settings, keys, KeyFixtures.CLOCK);
    }

    /** Collects the records of one logger while open. */
    static final class LogCapture implements AutoCloseable {

        private final Logger logger;
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        LogCapture(Class<?> source) {
            logger = Logger.getLogger(source.getName());
            handler.setLevel(Level.ALL);
            logger.addHandler(handler);
        }

        /** Returns the formatted messages logged at {@code level}. */
        List<String> messages(Level level) {
            SimpleFormatter formatter = new SimpleFormatter();
            synchronized (records) {
                return records.stream().filter(logRecord -> logRecord.getLevel().equals(level))
                        .map(formatter::formatMessage).toList();
            }
        }

        @Override
        public void close() {
            logger.removeHandler(handler);
        }
    }
}
