package dev.jwtee.core.cli;

import static dev.jwtee.core.cli.CliRunner.AUDIENCE;
import static dev.jwtee.core.cli.CliRunner.CLOCK;
import static dev.jwtee.core.cli.CliRunner.ISSUER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenInspectTest {

    @TempDir
    static Path directory;

    private static Path ecKeys;
    private static Path ecPublic;

    @BeforeAll
    static void generateKeys() throws Exception {
        ecKeys = CliRunner.generate(directory, "ec", "--kid", "ec-1");
        ecPublic = publicKeys(ecKeys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ec", "ed25519", "hmac"})
    void roundTrip_generateMintInspect_verified(String type) throws Exception {
        Path keys = CliRunner.generate(directory, type, "--kid", type + "-1");
        Path verificationKeys = type.equals("hmac") ? keys : publicKeys(keys);
        String token = CliRunner.mint(keys, CLOCK);

        Result result = inspect(CLOCK, token, "--keys", verificationKeys.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(lastLine(result).startsWith("verified (kid '" + type + "-1'"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void inspect_withoutKeys_printsHeaderClaimsAndWarning() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--groups", "customer");

        Result result = inspect(CLOCK, token);

        assertEquals(0, result.status());
        List<String> lines = result.out().lines().toList();
        assertEquals("header:", lines.get(0));
        assertEquals("{", lines.get(1));
        assertTrue(lines.contains("  \"typ\": \"at+jwt\""), result.out());
        assertTrue(lines.contains("claims:"), result.out());
        assertTrue(lines.contains("  \"sub\": \"alice\","), result.out());
        assertTrue(lines.contains("exp: 2026-03-01T12:15:00Z (expires in 15 min)"), result.out());
        assertTrue(lines.contains("iat: 2026-03-01T12:00:00Z (issued just now)"), result.out());
        assertTrue(lines.contains("nbf: 2026-03-01T12:00:00Z (valid since just now)"),
                result.out());
        assertEquals("signature NOT verified", lastLine(result));
    }

    @Test
    void inspect_later_describesTimesRelativeToClock() {
        String token = CliRunner.mint(ecKeys, CLOCK);

        Result result = inspect(at(Duration.ofMinutes(5)), token);

        assertTrue(result.out().contains("(expires in 10 min)"), result.out());
        assertTrue(result.out().contains("(issued 5 min ago)"), result.out());
    }

    @Test
    void inspect_expiredToken_rejectedWithExitOne() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--lifetime", "60");

        Result result = inspect(at(Duration.ofHours(3)), token, "--keys", ecPublic.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(1, result.status());
        assertTrue(result.out().contains("exp: 2026-03-01T12:01:00Z (expired 2 h ago)"),
                result.out());
        assertEquals("rejected: expired: The token has expired.", lastLine(result));
    }

    @Test
    void inspect_expiredWithoutKeys_exitsZero() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--lifetime", "60");

        Result result = inspect(at(Duration.ofMinutes(2)), token);

        assertEquals(0, result.status());
        assertTrue(result.out().contains("(expired 1 min ago)"), result.out());
    }

    @Test
    void inspect_expiredWithinClockSkew_verified() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--lifetime", "60");

        Result result = inspect(at(Duration.ofSeconds(80)), token, "--keys",
                ecPublic.toString(), "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(0, result.status(), result.out());
    }

    @Test
    void inspect_expiredWithZeroClockSkew_rejected() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--lifetime", "60");

        Result result = inspect(at(Duration.ofSeconds(80)), token, "--keys",
                ecPublic.toString(), "--iss", ISSUER, "--aud", AUDIENCE, "--clock-skew", "0");

        assertEquals(1, result.status());
        assertEquals("rejected: expired: The token has expired.", lastLine(result));
    }

    @Test
    void inspect_wrongIssuer_rejectedWithExitOne() {
        String token = CliRunner.mint(ecKeys, CLOCK);

        Result result = inspect(CLOCK, token, "--keys", ecPublic.toString(),
                "--iss", "https://other.example.test", "--aud", AUDIENCE);

        assertEquals(1, result.status());
        assertEquals("rejected: wrong_issuer: The token was issued by another issuer.",
                lastLine(result));
        assertEquals("", result.err());
    }

    @Test
    void inspect_wrongAudience_rejectedWithExitOne() {
        String token = CliRunner.mint(ecKeys, CLOCK);

        Result result = inspect(CLOCK, token, "--keys", ecPublic.toString(),
                "--iss", ISSUER, "--aud", "billing-api");

        assertEquals(1, result.status());
        assertEquals("rejected: wrong_audience: The token is meant for another audience.",
                lastLine(result));
    }

    @Test
    void inspect_otherKeySameKid_badSignature() throws Exception {
        String token = CliRunner.mint(ecKeys, CLOCK);
        Path other = publicKeys(CliRunner.generate(directory, "ec", "--kid", "ec-1"));

        Result result = inspect(CLOCK, token, "--keys", other.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(1, result.status());
        assertEquals("rejected: bad_signature: The token's signature is invalid.",
                lastLine(result));
    }

    @Test
    void inspect_tooLargeForMaxSize_rejected() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--claim", "padding=" + "x".repeat(600));

        Result result = inspect(CLOCK, token, "--keys", ecPublic.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE, "--max-size", "512");

        assertEquals(1, result.status());
        assertEquals("rejected: too_large: The token is too large.", lastLine(result));
    }

    @Test
    void inspect_standardInput_readsToken() {
        String token = CliRunner.mint(ecKeys, CLOCK);

        Result result = CliRunner.run(CLOCK, token + "\n", "token", "inspect", "-", "--keys",
                ecPublic.toString(), "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(0, result.status(), result.err());
        assertTrue(lastLine(result).startsWith("verified"), result.out());
    }

    @Test
    void inspect_controlCharactersInClaim_areEscaped() {
        String token = CliRunner.mint(ecKeys, CLOCK, "--claim", "note=\"\\u001b[2J\\u202e\"");

        Result result = inspect(CLOCK, token);

        assertTrue(result.out().contains("\"note\": \"\\u001b[2J\\u202e\""), result.out());
        assertFalse(result.out().contains("\u001b"), result.out());
    }

    @Test
    void inspect_timeNotANumber_saysServerRejectsIt() {
        String token = unsigned("{\"alg\":\"none\"}", "{\"exp\":\"soon\",\"iat\":1.5}");

        Result result = inspect(CLOCK, token);

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("exp: \"soon\" (not a whole number of seconds; the"
                + " server rejects it)"), result.out());
        assertTrue(result.out().contains("iat: 1.5 (not a whole number"), result.out());
    }

    @Test
    void inspect_encryptedWithoutEncryptionKeys_printsHeaderOnly() throws Exception {
        Path jweKeys = CliRunner.generate(directory, "oct-enc", "--kid", "enc-1");
        String token = encrypt(CliRunner.mint(ecKeys, CLOCK), jweKeys);

        Result result = inspect(CLOCK, token);

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().startsWith("JWE header:\n"), result.out());
        assertTrue(result.out().contains("\"kid\": \"enc-1\""), result.out());
        assertTrue(result.out().contains("encrypted token (JWE)"), result.out());
        assertFalse(result.out().contains("claims:"), result.out());
        assertEquals("signature NOT verified", lastLine(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oct-enc", "rsa-enc", "ec-enc"})
    void inspect_encryptedWithKeys_printsClaimsAndVerifies(String type) throws Exception {
        Path jweKeys = CliRunner.generate(directory, type, "--kid", "enc-1");
        String token = encrypt(CliRunner.mint(ecKeys, CLOCK), jweKeys);

        Result result = inspect(CLOCK, token, "--encryption-keys", jweKeys.toString(),
                "--keys", ecPublic.toString(), "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().contains("  \"sub\": \"alice\","), result.out());
        assertTrue(lastLine(result).startsWith("verified (kid 'ec-1'"), result.out());
    }

    @Test
    void inspect_encryptedWithOtherKey_cannotDecrypt() throws Exception {
        Path jweKeys = CliRunner.generate(directory, "oct-enc", "--kid", "enc-1");
        Path otherKeys = CliRunner.generate(directory, "oct-enc", "--kid", "enc-1");
        String token = encrypt(CliRunner.mint(ecKeys, CLOCK), jweKeys);

        Result result = inspect(CLOCK, token, "--encryption-keys", otherKeys.toString());

        assertEquals(1, result.status());
        assertEquals("cannot decrypt: decryption_failed: The token cannot be decrypted.",
                lastLine(result));
    }

    @Test
    void inspect_jweWithoutJweKeys_wrongForm() throws Exception {
        Path jweKeys = CliRunner.generate(directory, "oct-enc", "--kid", "enc-1");
        String token = encrypt(CliRunner.mint(ecKeys, CLOCK), jweKeys);

        Result result = inspect(CLOCK, token, "--keys", ecPublic.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE);

        assertEquals(1, result.status());
        assertTrue(lastLine(result).startsWith("rejected: wrong_form: "), result.out());
    }

    private static Result inspect(Clock clock, String token, String... options) {
        List<String> args = new ArrayList<>(List.of("token", "inspect", token));
        args.addAll(List.of(options));
        return CliRunner.run(clock, "", args.toArray(String[]::new));
    }

    private static Clock at(Duration afterNow) {
        return Clock.offset(CLOCK, afterNow);
    }

    private static String lastLine(Result result) {
        List<String> lines = result.out().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static Path publicKeys(Path keys) throws Exception {
        Result result = CliRunner.run("keys", "public", "--in", keys.toString());
        assertEquals(0, result.status(), result.err());
        return Files.writeString(Files.createTempFile(directory, "public", ".jwk"),
                result.out());
    }

    /** Wraps a signed token in a JWE, as the server's encrypting issuer does. */
    private static String encrypt(String signed, Path jweKeys) throws Exception {
        JsonWebKey key = new JsonWebKeySet(CliRunner.read(jweKeys)).getJsonWebKeys().get(0);
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(signed);
        jwe.setAlgorithmHeaderValue(key.getAlgorithm());
        jwe.setEncryptionMethodHeaderParameter("A256GCM");
        jwe.setKeyIdHeaderValue(key.getKeyId());
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setKey(key.getKey());
        return jwe.getCompactSerialization();
    }

    private static String unsigned(String header, String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
