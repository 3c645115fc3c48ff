package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.RemoteFixtures.NEXT_RSA;
import static dev.jwtee.core.keys.RemoteFixtures.RSA;
import static dev.jwtee.core.keys.RemoteFixtures.nextJwks;
import static dev.jwtee.core.keys.RemoteFixtures.rsaJwks;
import static dev.jwtee.core.keys.RemoteFixtures.settings;
import static dev.jwtee.core.keys.RemoteFixtures.token;
import static dev.jwtee.core.keys.RemoteFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.keys.JwksServer.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching, rotation and rate limits of {@link RemoteJwks}, against a real server. */
class RemoteJwksCacheTest {

    private final MutableClock clock = RemoteFixtures.clock();
    private JwksServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void start_servedSet_tokenVerifies() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));

        assertEquals("alice", verifier(keys).verify(token("rsa-1", RSA)).subject());
    }

    @Test
    void start_servedSet_fetchesOnce() {
        start(Answer.ok(rsaJwks()));

        assertEquals(1, server.requests());
    }

    @Test
    void current_beforeMaxAge_doesNotRefetch() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "public, max-age=120"));
        clock.advance(Duration.ofSeconds(119));

        keys.current();

        assertEquals(1, server.requests());
    }

    @Test
    void current_atMaxAge_refetches() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "public, max-age=120"));
        clock.advance(Duration.ofSeconds(120));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_afterRefetch_freshAgain() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "max-age=120"));
        clock.advance(Duration.ofSeconds(121));
        keys.current();
        clock.advance(Duration.ofSeconds(119));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_noCacheControlBeforeDefault_doesNotRefetch() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        clock.advance(Duration.ofSeconds(299));

        keys.current();

        assertEquals(1, server.requests());
    }

    @Test
    void current_noCacheControlAtDefault_refetches() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        clock.advance(Duration.ofSeconds(300));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_maxAgeBelowMinimum_usesMinimum() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "max-age=1"));
        clock.advance(Duration.ofSeconds(29));

        keys.current();

        assertEquals(1, server.requests());
    }

    @Test
    void current_noCache_usesMinimum() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "no-cache"));
        clock.advance(Duration.ofSeconds(30));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_maxAgeAboveMaximum_usesMaximum() {
        RemoteJwks keys = start(Answer.cached(rsaJwks(), "max-age=31536000"));
        clock.advance(Duration.ofDays(1));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void current_ageHeader_shortensMaxAge() {
        RemoteJwks keys = start(new Answer(200, rsaJwks(),
                Map.of("Cache-Control", "max-age=200", "Age", "100"), Duration.ZERO));
        clock.advance(Duration.ofSeconds(100));

        keys.current();

        assertEquals(2, server.requests());
    }

    @Test
    void verify_rotatedKey_verifiesAfterRefetch() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        server.answer(Answer.ok(nextJwks()));

        assertEquals("rsa-2", verifier(keys).verify(token("rsa-2", NEXT_RSA)).keyId());
    }

    @Test
    void verify_rotatedKey_fetchesOnceMore() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        server.answer(Answer.ok(nextJwks()));

        verifier(keys).verify(token("rsa-2", NEXT_RSA));

        assertEquals(2, server.requests());
    }

    @Test
    void verify_knownKid_doesNotRefetch() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));

        verifier(keys).verify(token("rsa-1", RSA));

        assertEquals(1, server.requests());
    }

    @Test
    void refreshedFor_twoUnknownKidsWithinInterval_fetchesOnce() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        keys.refreshedFor("unknown-1");
        clock.advance(Duration.ofSeconds(59));

        keys.refreshedFor("unknown-2");

        assertEquals(2, server.requests());
    }

    @Test
    void refreshedFor_unknownKidAfterInterval_fetchesAgain() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        keys.refreshedFor("unknown-1");
        clock.advance(Duration.ofSeconds(60));

        keys.refreshedFor("unknown-2");

        assertEquals(3, server.requests());
    }

    @Test
    void refreshedFor_unknownKidRightAfterStart_refetches() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));

        keys.refreshedFor("unknown-1");

        assertEquals(2, server.requests());
    }

    @Test
    void refreshedFor_unknownKidRightAfterStaleRefetch_refetches() {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));
        clock.advance(Duration.ofSeconds(300));
        keys.current();

        keys.refreshedFor("unknown-1");

        assertEquals(3, server.requests());
    }

    @Test
    void refreshedFor_concurrentUnknownKid_fetchesOnce() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));

        concurrentRefreshes(keys, 8);

        assertEquals(2, server.requests());
    }

    @Test
    void refreshedFor_concurrentUnknownKid_othersKeepCurrentSet() throws Exception {
        RemoteJwks keys = start(Answer.ok(rsaJwks()));

        List<KeySet> results = concurrentRefreshes(keys, 8);

        assertEquals(7, results.stream().filter(set -> set.find("rsa-2").isEmpty()).count());
    }

    /**
     * Lets {@code callers} threads ask for the same unknown kid at once while the server delays
     * the refetch, until every caller but the fetching one has returned.
     */
    private List<KeySet> concurrentRefreshes(RemoteJwks keys, int callers) throws Exception {
        server.answer(Answer.ok(RemoteFixtures.jwks(KeyFixtures.jwk(RSA, "rsa-1", false),
                KeyFixtures.jwk(NEXT_RSA, "rsa-2", false))));
        server.hold();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch returned = new CountDownLatch(callers - 1);
            List<Future<KeySet>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    assertTrue(start.await(5, TimeUnit.SECONDS), "start signal");
                    KeySet result = keys.refreshedFor("rsa-2");
                    returned.countDown();
                    return result;
                }));
            }
            start.countDown();
            assertTrue(returned.await(5, TimeUnit.SECONDS),
                    "callers other than the fetching one wait for the fetch");
            server.open();
            List<KeySet> results = new ArrayList<>();
            for (Future<KeySet> future : futures) {
                results.add(future.get(5, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            server.open();
            pool.shutdownNow();
        }
    }

    private RemoteJwks start(Answer first) {
        server = new JwksServer(first);
        return RemoteJwks.start(settings(server.url()), clock);
    }
}
