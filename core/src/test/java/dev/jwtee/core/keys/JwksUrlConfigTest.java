package dev.jwtee.core.keys;

import static dev.jwtee.core.keys.RemoteFixtures.RSA;
import static dev.jwtee.core.keys.RemoteFixtures.rsaJwks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.ConfigReader;
import dev.jwtee.core.config.ConfigSources;
import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.config.JwteeConfig;
import dev.jwtee.core.keys.JwksServer.Answer;
import dev.jwtee.core.keys.RemoteFixtures.LogCapture;
import dev.jwtee.core.token.TokenIssuer;
import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code jwtee.keys.jwks-url} read from configuration and used by a whole deployment. */
class JwksUrlConfigTest {

    private static final String HMAC_SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private JwksServer server;

    @BeforeEach
    void startServer() {
        server = new JwksServer(Answer.ok(rsaJwks()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void authenticate_issuedElsewhere_verifiedWithUrlOnly() throws Exception {
        KeySet issuerKeys = TestKeys.signedBy(TestKeys.key("rsa-1", "RS256", RSA.getPublic(),
                RSA.getPrivate()));
        JwteeConfig config = read(verifyOnly());
        String token = new TokenIssuer(config.token(), issuerKeys, KeyFixtures.CLOCK)
                .issue("alice", List.of("customer"), Map.of()).value();

        try (Jwtee jwtee = Jwtee.builder(config).clock(KeyFixtures.CLOCK).build()) {
            assertTrue(jwtee.authenticate(token).hasRole("customer"));
        }
    }

    @Test
    void read_urlOnly_hasNoLocalKeys() {
        assertTrue(read(verifyOnly()).localKeys().isEmpty());
    }

    @Test
    void read_urlOnly_verificationKeysAreRemote() {
        assertTrue(read(verifyOnly()).verificationKeys() instanceof RemoteJwks);
    }

    @Test
    void read_urlOnlyEndpointEnabled_namesEndpointKey() {
        Map<String, String> values = verifyOnly();
        values.remove("jwtee.endpoint.enabled");

        assertEquals("jwtee.endpoint.enabled", readError(values).key());
    }

    @Test
    void read_urlOnlyEndpointEnabled_saysWhatToSet() {
        Map<String, String> values = verifyOnly();
        values.remove("jwtee.endpoint.enabled");

        String message = readError(values).getMessage();

        assertTrue(message.contains("A verify-only service sets jwtee.endpoint.enabled=false and"
                + " jwtee.refresh.enabled=false"), message);
    }

    @Test
    void read_urlOnlyEndpointEnabled_doesNotFetch() {
        Map<String, String> values = verifyOnly();
        values.remove("jwtee.endpoint.enabled");

        readError(values);

        assertEquals(0, server.requests());
    }

    @Test
    void read_urlOnlyRefreshEnabled_namesRefreshKey() {
        Map<String, String> values = verifyOnly();
        values.remove("jwtee.refresh.enabled");

        assertEquals("jwtee.refresh.enabled", readError(values).key());
    }

    @Test
    void read_noKeyAtAll_mentionsUrl() {
        Map<String, String> values = verifyOnly();
        values.remove(RemoteJwksSettings.URL);

        String message = readError(values).getMessage();

        assertTrue(message.contains(RemoteJwksSettings.URL), message);
    }

    @Test
    void read_ftpUrl_namesUrlKey() {
        Map<String, String> values = verifyOnly();
        values.put(RemoteJwksSettings.URL, "ftp://127.0.0.1/jwks.json");

        assertEquals(RemoteJwksSettings.URL, readError(values).key());
    }

    @Test
    void read_urlWithUserInfo_namesUrlKey() {
        Map<String, String> values = verifyOnly();
        values.put(RemoteJwksSettings.URL, "http://user:secret@127.0.0.1/jwks.json");

        assertEquals(RemoteJwksSettings.URL, readError(values).key());
    }

    @Test
    void read_urlWithUserInfo_messageHidesPassword() {
        Map<String, String> values = verifyOnly();
        values.put(RemoteJwksSettings.URL, "http://user:secret@127.0.0.1/jwks.json");

        assertFalse(readError(values).getMessage().contains("secret"));
    }

    @Test
    void read_unreachableUrl_namesUrlKey() {
        server.close();

        assertEquals(RemoteJwksSettings.URL, readError(verifyOnly()).key());
    }

    @Test
    void read_readTimeoutTooSmall_namesItsKey() {
        Map<String, String> values = verifyOnly();
        values.put(RemoteJwksSettings.READ_TIMEOUT, "10");

        assertEquals(RemoteJwksSettings.READ_TIMEOUT, readError(values).key());
    }

    @Test
    void read_timeouts_inMilliseconds() {
        Map<String, String> values = verifyOnly();
        values.put(RemoteJwksSettings.CONNECT_TIMEOUT, "1500");

        assertEquals(Duration.ofMillis(1500), settings(values).connectTimeout());
    }

    @Test
    void read_defaults_refetchEveryMinuteAtMost() {
        assertEquals(Duration.ofSeconds(60), settings(verifyOnly()).refetchInterval());
    }

    @Test
    void read_defaults_fiveMinutesMaxAge() {
        assertEquals(Duration.ofSeconds(300), settings(verifyOnly()).defaultMaxAge());
    }

    @Test
    void verify_localAndUrl_localTokenVerifies() throws Exception {
        Map<String, String> values = verifyOnly();
        values.put(KeySetLoader.HMAC_SECRET, HMAC_SECRET);
        JwteeConfig config = read(values);
        String token = new TokenIssuer(config.token(), config.keys(), KeyFixtures.CLOCK)
                .issue("alice", List.of(), Map.of()).value();

        assertEquals("hmac", RemoteFixtures.verifier(config.verificationKeys()).verify(token)
                .keyId());
    }

    @Test
    void verify_localAndUrl_remoteTokenVerifies() throws Exception {
        Map<String, String> values = verifyOnly();
        values.put(KeySetLoader.HMAC_SECRET, HMAC_SECRET);
        JwteeConfig config = read(values);

        assertEquals("rsa-1", RemoteFixtures.verifier(config.verificationKeys())
                .verify(RemoteFixtures.token("rsa-1", RSA)).keyId());
    }

    @Test
    void current_remoteKeyWithLocalKid_localKeyWins() {
        Map<String, String> values = verifyOnly();
        values.put(KeySetLoader.HMAC_SECRET, HMAC_SECRET);
        values.put(KeySetLoader.HMAC_KEY_ID, "rsa-1");

        VerificationKeys keys = read(values).verificationKeys();

        assertEquals("HS256", keys.current().find("rsa-1").orElseThrow().algorithm());
    }

    @Test
    void current_remoteKeyWithLocalKidRefetched_warnsOnce() {
        Map<String, String> values = verifyOnly();
        values.put(KeySetLoader.HMAC_SECRET, HMAC_SECRET);
        values.put(KeySetLoader.HMAC_KEY_ID, "rsa-1");
        VerificationKeys keys = read(values).verificationKeys();

        try (LogCapture log = new LogCapture(LocalFirstKeys.class)) {
            keys.current();
            keys.refreshedFor("unknown-1");

            assertEquals(1, log.messages(Level.WARNING).size());
        }
    }

    @Test
    void verify_localAndUrl_hmacTokenWithRemoteKid_rejected() throws Exception {
        Map<String, String> values = verifyOnly();
        values.put(KeySetLoader.HMAC_SECRET, HMAC_SECRET);
        JwteeConfig config = read(values);
        String token = KeyFixtures.token("HS256", "rsa-1",
                new HmacKey(Base64.getDecoder().decode(HMAC_SECRET)));

        TokenRejectedException rejection = assertThrows(TokenRejectedException.class,
                () -> RemoteFixtures.verifier(config.verificationKeys()).verify(token));

        assertEquals(Reason.ALGORITHM_MISMATCH, rejection.reason());
    }

    private Map<String, String> verifyOnly() {
        Map<String, String> values = new HashMap<>();
        values.put("jwtee.issuer", KeyFixtures.ISSUER);
        values.put(RemoteJwksSettings.URL, server.url().toString());
        values.put("jwtee.endpoint.enabled", "false");
        values.put("jwtee.refresh.enabled", "false");
        return values;
    }

    private static JwteeConfig read(Map<String, String> values) {
        return JwteeConfig.read(ConfigSources.of("test", values));
    }

    private static ConfigurationException readError(Map<String, String> values) {
        return assertThrows(ConfigurationException.class, () -> read(values));
    }

    private static RemoteJwksSettings settings(Map<String, String> values) {
        return RemoteJwksSettings.read(new ConfigReader(ConfigSources.of("test", values)))
                .orElseThrow();
    }
}
