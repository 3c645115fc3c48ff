package dev.jwtee.core.token;

import static dev.jwtee.core.token.TokenFixtures.EC;
import static dev.jwtee.core.token.TokenFixtures.RSA;
import static dev.jwtee.core.token.TokenFixtures.sign;
import static dev.jwtee.core.token.TokenFixtures.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.TestKeys;
import dev.jwtee.core.keys.VerificationKeys;
import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@link JwsVerifier} uses a {@link VerificationKeys} source that can refresh. */
class JwsVerifierKeySourceTest {

    private static final String PAYLOAD = validClaims().toJson();
    private static final KeySet RSA_ONLY = TestKeys.verifyOnly(TokenFixtures.rsaKey("RS256"));
    private static final KeySet RSA_AND_EC = TestKeys.verifyOnly(TokenFixtures.rsaKey("RS256"),
            TokenFixtures.ecKey());

    @Test
    void verify_knownKid_doesNotRefresh() throws Exception {
        CountingKeys keys = new CountingKeys(RSA_ONLY, RSA_AND_EC);

        verifier(keys).verify(sign(PAYLOAD, "RS256", "rsa-1", "at+jwt", RSA.getPrivateKey()));

        assertEquals(0, keys.refreshes.get());
    }

    @Test
    void verify_unknownKid_refreshesOnce() {
        CountingKeys keys = new CountingKeys(RSA_ONLY, RSA_ONLY);
        String token = sign(PAYLOAD, "RS256", "rsa-9", "at+jwt", RSA.getPrivateKey());

        assertThrows(TokenRejectedException.class, () -> verifier(keys).verify(token));

        assertEquals(1, keys.refreshes.get());
    }

    @Test
    void verify_unknownKidStillUnknown_rejectsUnknownKey() {
        CountingKeys keys = new CountingKeys(RSA_ONLY, RSA_ONLY);
        String token = sign(PAYLOAD, "RS256", "rsa-9", "at+jwt", RSA.getPrivateKey());

        TokenRejectedException rejection = assertThrows(TokenRejectedException.class,
                () -> verifier(keys).verify(token));

        assertEquals(Reason.UNKNOWN_KEY, rejection.reason());
    }

    @Test
    void verify_kidAndAlgorithmOnlyInRefreshedSet_accepted() throws Exception {
        CountingKeys keys = new CountingKeys(RSA_ONLY, RSA_AND_EC);
        String token = sign(PAYLOAD, "ES256", "ec-1", "at+jwt", EC.getPrivateKey());

        assertEquals("ec-1", verifier(keys).verify(token).key().keyId());
    }

    @Test
    void verify_noKidSeveralKeys_doesNotRefresh() {
        CountingKeys keys = new CountingKeys(RSA_AND_EC, RSA_AND_EC);
        String token = sign(PAYLOAD, "RS256", null, "at+jwt", RSA.getPrivateKey());

        assertThrows(TokenRejectedException.class, () -> verifier(keys).verify(token));

        assertEquals(0, keys.refreshes.get());
    }

    @Test
    void verify_algorithmOutsideRefreshedSet_rejectsUnsupportedAlgorithm() {
        CountingKeys keys = new CountingKeys(RSA_AND_EC, RSA_ONLY);
        String token = sign(PAYLOAD, "ES256", "ec-9", "at+jwt", EC.getPrivateKey());

        TokenRejectedException rejection = assertThrows(TokenRejectedException.class,
                () -> verifier(keys).verify(token));

        assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection.reason());
    }

    private static JwsVerifier verifier(VerificationKeys keys) {
        return new JwsVerifier(keys, 8192);
    }

    /** A source that returns one set, and another once refreshed, counting refreshes. */
    private static final class CountingKeys implements VerificationKeys {

        private final KeySet current;
        private final KeySet refreshed;
        private final AtomicInteger refreshes = new AtomicInteger();

        CountingKeys(KeySet current, KeySet refreshed) {
            this.current = current;
            this.refreshed = refreshed;
        }

        @Override
        public KeySet current() {
            return current;
        }

        @Override
        public KeySet refreshedFor(String unknownKeyId) {
            refreshes.incrementAndGet();
            return refreshed;
        }
    }
}
