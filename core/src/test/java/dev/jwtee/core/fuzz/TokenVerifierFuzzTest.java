package dev.jwtee.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwtee.core.config.EncryptionSettings;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzzes the verification entry point that both filters call. Whatever the input, the only
 * exception allowed out is {@link TokenRejectedException}; anything else fails the run.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this runs the saved inputs under
 * {@code src/test/resources/dev/jwtee/core/fuzz/TokenVerifierFuzzTestInputs} as a regression
 * test. With it, Jazzer mutates inputs for {@code maxDuration}; see the README for the command.
 */
class TokenVerifierFuzzTest {

    private static final byte[] SECRET =
            "fuzzing-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final TokenVerifier VERIFIER = verifier();

    /**
     * Feeds either raw text, or a header and payload of fuzzed bytes under a valid HMAC
     * signature, so that the claims parser is reached as well as the shape checks.
     */
    @FuzzTest(maxDuration = "30s")
    void verify_anyInput_onlyRejects(FuzzedDataProvider data) {
        String token;
        if (data.consumeBoolean()) {
            token = data.consumeRemainingAsString();
        } else {
            byte[] header = data.consumeBytes(data.consumeInt(0, 512));
            byte[] payload = data.consumeRemainingAsBytes();
            token = signed(header, payload);
        }
        try {
            VERIFIER.verify(token);
        } catch (TokenRejectedException e) {
            // The expected outcome for almost every input.
        }
    }

    private static String signed(byte[] header, byte[] payload) {
        String input = BASE64URL.encodeToString(header) + "." + BASE64URL.encodeToString(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return input + "." + BASE64URL.encodeToString(
                    mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenVerifier verifier() {
        KeySet keys = KeySetLoader.fromJwks("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\","
                + "\"alg\":\"HS256\",\"k\":\"" + BASE64URL.encodeToString(SECRET) + "\"}]}");
        TokenSettings settings = new TokenSettings("https://issuer.example", "api",
                Duration.ofMinutes(15), Duration.ofSeconds(30), 8192, Set.of("at+jwt"));
        EncryptionSettings encryption = new EncryptionSettings(Optional.of(
                EncryptionKeyLoader.fromJwks("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"enc\","
                        + "\"alg\":\"A256KW\",\"k\":\"" + BASE64URL.encodeToString(
                                "0123456789abcdef0123456789abcdef".getBytes(
                                        StandardCharsets.US_ASCII)) + "\"}]}", "fuzz")), false);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new TokenVerifier(settings, keys, encryption, clock);
    }
}
