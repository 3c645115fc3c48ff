package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.RemoteFixtures.RSA;
import static dev.jwtee.core.keys.RemoteFixtures.rsaJwks;
import static dev.jwtee.core.keys.RemoteFixtures.settings;
import static dev.jwtee.core.keys.RemoteFixtures.startError;
import static dev.jwtee.core.keys.RemoteFixtures.token;
import static dev.jwtee.core.keys.RemoteFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.keys.JwksServer.Answer;
import dev.jwtee.core.keys.RemoteFixtures.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link RemoteJwks} does when the URL fails, at start-up and later. */
class RemoteJwksFailureTest {

    private static final Duration STALE = Duration.ofSeconds(300);

    private final MutableClock clock = RemoteFixtures.clock();
    private JwksServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void start_status500_failsNamingUrlKey() {
        server = new JwksServer(Answer.status(500));

        assertEquals(RemoteJwksSettings.URL, startError(server).key());
    }

    @Test
    void start_status500_messageGivesStatus() {
        server = new JwksServer(Answer.status(500));

        String message = startError(server).getMessage();

        assertTrue(message.contains("HTTP status 500"), message);
    }

    @Test
    void start_serverDown_failsNamingUrlKey() {
        server = new JwksServer(Answer.ok(rsaJwks()));
        server.close();

        assertEquals(RemoteJwksSettings.URL, startError(server).key());
    }

    @Test
    void start_redirect_fails() {
        server = new JwksServer(Answer.redirect());

        String message = startError(server).getMessage();

        assertTrue(message.contains("redirects are not followed"), message);
    }

    @Test
    void start_redirect_targetNeverRequested() {
        server = new JwksServer(Answer.redirect());

        startError(server);

        assertEquals(0, server.movedRequests());
    }

    @Test
    void start_slowServer_failsWithTimeout() {
        server = new JwksServer(Answer.ok(rsaJwks()).delayedBy(Duration.ofSeconds(5)));
        RemoteJwksSettings settings = RemoteFixtures.withReadTimeout(server.url(),
                Duration.ofMillis(200));

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> RemoteJwks.start(settings, clock));

        assertTrue(error.getMessage().contains("no response within 200 ms"), error.getMessage());
    }

    @Test
    void start_slowServer_givesUpBeforeTheAnswer() {
        server = new JwksServer(Answer.ok(rsaJwks()).delayedBy(Duration.ofSeconds(5)));
        RemoteJwksSettings settings = RemoteFixtures.withReadTimeout(server.url(),
                Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThrows(ConfigurationException.class, () -> RemoteJwks.start(settings, clock));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4000);
    }

    @Test
    void current_status500_keepsLastGoodSet() throws Exception {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        clock.advance(STALE);

        assertEquals("rsa-1", verifier(keys).verify(token("rsa-1", RSA)).keyId());
    }

    @Test
    void current_status500_triedToFetch() {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        clock.advance(STALE);

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_serverStopped_keepsLastGoodSet() throws Exception {
        RemoteJwks keys = start();
        server.close();
        clock.advance(STALE);

        assertEquals("rsa-1", verifier(keys).verify(token("rsa-1", RSA)).keyId());
    }

    @Test
    void current_badJson_keepsLastGoodSet() throws Exception {
        RemoteJwks keys = start();
        server.answer(Answer.ok("{\"keys\": [ not json"));
        clock.advance(STALE);

        assertEquals("rsa-1", verifier(keys).verify(token("rsa-1", RSA)).keyId());
    }

    @Test
    void current_slowServer_keepsLastGoodSet() throws Exception {
        server = new JwksServer(Answer.ok(rsaJwks()));
        RemoteJwks keys = RemoteJwks.start(RemoteFixtures.withReadTimeout(server.url(),
                Duration.ofMillis(200)), clock);
        server.answer(Answer.ok(rsaJwks()).delayedBy(Duration.ofSeconds(5)));
        clock.advance(STALE);

        assertEquals("rsa-1", verifier(keys).verify(token("rsa-1", RSA)).keyId());
    }

    @Test
    void current_failedFetch_retriesOnlyAfterRefetchInterval() {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        clock.advance(STALE);
        keys.current();
        clock.advance(Duration.ofSeconds(59));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_failedFetch_retriesAfterRefetchInterval() {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        clock.advance(STALE);
        keys.current();
        clock.advance(Duration.ofSeconds(60));

        keys.current();

        assertEquals(3, server.requests());
    }

    @Test
    void refreshedFor_afterFailedFetch_waitsForRefetchInterval() {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        clock.advance(STALE);
        keys.current();

        keys.refreshedFor("unknown-1");

        assertEquals(2, server.requests());
    }

    @Test
    void current_failuresInARow_warnOnce() {
        RemoteJwks keys = start();
        server.answer(Answer.status(500));
        try (LogCapture log = new LogCapture(RemoteJwks.class)) {
            failTwice(keys);

            assertEquals(1, log.messages(Level.WARNING).size());
        }
    }

    @Test
    void current_failureAfterRecovery_warnsAgain() {
        RemoteJwks keys = start();
        try (LogCapture log = new LogCapture(RemoteJwks.class)) {
            server.answer(Answer.status(500));
            failTwice(keys);
            server.answer(Answer.ok(rsaJwks()));
            clock.advance(Duration.ofSeconds(60));
            keys.current();
            server.answer(Answer.status(503));
            failTwice(keys);

            assertEquals(2, log.messages(Level.WARNING).size());
        }
    }

    @Test
    void current_recovery_logsInfo() {
        RemoteJwks keys = start();
        try (LogCapture log = new LogCapture(RemoteJwks.class)) {
            server.answer(Answer.status(500));
            failTwice(keys);
            server.answer(Answer.ok(rsaJwks()));
            clock.advance(Duration.ofSeconds(60));
            keys.current();

            assertEquals(1, log.messages(Level.INFO).size());
        }
    }

    @Test
    void current_failure_warningNamesUrl() {
        List<String> warnings = warningsAfterServing(Answer.status(500));

        assertTrue(warnings.get(0).contains(server.url().toString()), warnings.get(0));
    }

    @Test
    void current_failure_warningGivesReason() {
        List<String> warnings = warningsAfterServing(Answer.status(500));

        assertTrue(warnings.get(0).contains("HTTP status 500"), warnings.get(0));
    }

    @Test
    void current_publishedSecret_warningHidesSecret() {
        String secret = "c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1iZS1sb2dnZWQtMDEyMzQ1Njc4OQ";
        List<String> warnings = warningsAfterServing(Answer.ok(
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"" + secret + "\"}]}"));

        assertFalse(warnings.get(0).contains(secret), warnings.get(0));
    }

    @Test
    void current_publishedSecret_warningSaysWhy() {
        List<String> warnings = warningsAfterServing(Answer.ok(
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"AAAA\"}]}"));

        assertTrue(warnings.get(0).contains("symmetric"), warnings.get(0));
    }

    private List<String> warningsAfterServing(Answer failing) {
        RemoteJwks keys = start();
        server.answer(failing);
        try (LogCapture log = new LogCapture(RemoteJwks.class)) {
            clock.advance(STALE);
            keys.current();
            return log.messages(Level.WARNING);
        }
    }

    /** Lets the keys turn stale and fails two fetches, one refetch interval apart. */
    private void failTwice(RemoteJwks keys) {
        clock.advance(STALE);
        keys.current();
        clock.advance(Duration.ofSeconds(60));
        keys.current();
    }

    private RemoteJwks start() {
        server = new JwksServer(Answer.ok(rsaJwks()));
        return RemoteJwks.start(settings(server.url()), clock);
    }
}
