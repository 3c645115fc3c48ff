package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.HMAC;
import static dev.jwtee.core.token.TokenFixtures.NOW;
import static dev.jwtee.core.token.TokenFixtures.NOW_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.config.TokenCacheSettings;
import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final TokenCacheSettings SMALL =
            new TokenCacheSettings(3, Duration.ofSeconds(60));

    private final MovingClock clock = new MovingClock(NOW);
    private final TokenVerifier verifier = new TokenVerifier(TokenFixtures.settings(SKEW),
            TestKeys.signedBy(TokenFixtures.hmacKey()), clock);

    @Test
    void verify_sameTokenTwice_sameObject() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        String token = token("token-1", NOW_SECONDS + 600);

        VerifiedToken first = cache.verify(token);
        VerifiedToken second = cache.verify(token);

        assertSame(first, second);
        assertEquals(new TokenCacheStats(1, 1, 0, 1), cache.stats());
    }

    @Test
    void verify_otherToken_isMiss() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        cache.verify(token("token-1", NOW_SECONDS + 600));

        VerifiedToken other = cache.verify(token("token-2", NOW_SECONDS + 600));

        assertEquals("token-2", other.tokenId().orElseThrow());
        assertEquals(new TokenCacheStats(0, 2, 0, 2), cache.stats());
    }

    @Test
    void verify_cachedAtExpiry_rejectedAsExpired() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        long exp = NOW_SECONDS + 20;
        String token = token("token-1", exp);
        cache.verify(token);

        clock.set(Instant.ofEpochSecond(exp + SKEW.getSeconds()).minusMillis(1));
        assertEquals(1, hitsAfter(cache, token));
        clock.set(Instant.ofEpochSecond(exp + SKEW.getSeconds()));

        assertEquals(Reason.EXPIRED, rejection(cache, token));
        assertEquals(Reason.EXPIRED, TokenFixtures.rejection(verifier, token));
    }

    @Test
    void verify_afterMaxAge_verifiesAgain() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        String token = token("token-1", NOW_SECONDS + 600);
        VerifiedToken first = cache.verify(token);

        clock.set(NOW.plusSeconds(60).minusMillis(1));
        assertSame(first, cache.verify(token));
        clock.set(NOW.plusSeconds(60));

        assertNotSame(first, cache.verify(token));
        assertEquals(2, cache.stats().misses());
    }

    @Test
    void verify_clockWentBackwards_isMiss() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        String token = token("token-1", NOW_SECONDS + 600);
        cache.verify(token);

        clock.set(NOW.minusMillis(1));
        cache.verify(token);

        assertEquals(new TokenCacheStats(0, 2, 0, 1), cache.stats());
    }

    @Test
    void verify_overSize_evictsToSize() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        for (int i = 0; i < 5; i++) {
            cache.verify(token("token-" + i, NOW_SECONDS + 600));
        }

        assertEquals(3, cache.stats().size());
        assertEquals(2, cache.stats().evictions());
    }

    @Test
    void verify_hitEntry_survivesTheNextEviction() throws Exception {
        VerifiedTokenCache cache = cache(new TokenCacheSettings(2, Duration.ofSeconds(60)));
        String hitToken = token("hit", NOW_SECONDS + 600);
        cache.verify(hitToken);
        cache.verify(token("other", NOW_SECONDS + 600));
        cache.verify(hitToken);

        cache.verify(token("new", NOW_SECONDS + 600));

        assertEquals(1, hitsAfter(cache, hitToken));
    }

    @Test
    void verify_rejectedToken_isNotCached() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        JwtClaims claims = claims("token-1", NOW_SECONDS + 600);
        claims.setNotBefore(NumericDate.fromSeconds(NOW_SECONDS + 100));
        String token = TokenFixtures.sign(claims.toJson(), "HS256", "hmac-1", "at+jwt", HMAC);

        assertEquals(Reason.NOT_YET_VALID, rejection(cache, token));
        assertEquals(0, cache.stats().size());
        clock.set(NOW.plusSeconds(100));

        cache.verify(token);
        assertEquals(new TokenCacheStats(0, 2, 0, 1), cache.stats());
    }

    @Test
    void verify_badSignature_isRejectedEveryTime() throws Exception {
        VerifiedTokenCache cache = cache(SMALL);
        String token = token("token-1", NOW_SECONDS + 600);
        String forged = token.substring(0, token.length() - 2)
                + (token.endsWith("AA") ? "BA" : "AA");

        assertEquals(Reason.BAD_SIGNATURE, rejection(cache, forged));
        assertEquals(Reason.BAD_SIGNATURE, rejection(cache, forged));
        assertEquals(new TokenCacheStats(0, 2, 0, 0), cache.stats());
    }

    @Test
    void verify_cacheOff_noCaching() throws Exception {
        VerifiedTokenCache cache = cache(TokenCacheSettings.OFF);
        String token = token("token-1", NOW_SECONDS + 600);

        assertNotSame(cache.verify(token), cache.verify(token));
        assertEquals(new TokenCacheStats(0, 0, 0, 0), cache.stats());
    }

    @Test
    void verify_concurrentCallers_correctAndBounded() throws Exception {
        VerifiedTokenCache cache = cache(new TokenCacheSettings(8, Duration.ofSeconds(60)));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(token("token-" + i, NOW_SECONDS + 600));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(threads.submit(() -> allCorrect(cache, tokens, offset)));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        TokenCacheStats stats = cache.stats();
        assertEquals(4 * 2000, stats.hits() + stats.misses());
        assertTrue(stats.size() <= 8, "size " + stats.size());
    }

    private static boolean allCorrect(VerifiedTokenCache cache, List<String> tokens, int offset)
            throws TokenRejectedException {
        boolean correct = true;
        for (int i = 0; i < 2000; i++) {
            int index = (i * 7 + offset) % tokens.size();
            String id = cache.verify(tokens.get(index)).tokenId().orElseThrow();
            correct &= id.equals("token-" + index);
        }
        return correct;
    }

    private VerifiedTokenCache cache(TokenCacheSettings settings) {
        return new VerifiedTokenCache(verifier, settings, SKEW, clock);
    }

    private static long hitsAfter(VerifiedTokenCache cache, String token)
            throws TokenRejectedException {
        long before = cache.stats().hits();
        cache.verify(token);
        return cache.stats().hits() - before;
    }

    private static Reason rejection(VerifiedTokenCache cache, String token) {
        return assertThrows(TokenRejectedException.class, () -> cache.verify(token)).reason();
    }

    private static String token(String tokenId, long expiresAt) {
        return TokenFixtures.sign(claims(tokenId, expiresAt).toJson(), "HS256", "hmac-1",
                "at+jwt", HMAC);
    }

    private static JwtClaims claims(String tokenId, long expiresAt) {
        JwtClaims claims = TokenFixtures.validClaims();
        claims.setJwtId(tokenId);
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        return claims;
    }

    /** A clock that tests set by hand; thread-safe. */
    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC only");
        }
    }
}
