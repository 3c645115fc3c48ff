package dev.jwtee.core.cli;

import static dev.jwtee.core.cli.CliRunner.AUDIENCE;
import static dev.jwtee.core.cli.CliRunner.CLOCK;
import static dev.jwtee.core.cli.CliRunner.ISSUER;
import static dev.jwtee.core.cli.CliRunner.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.TokenVerifier;
import dev.jwtee.core.token.VerifiedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMintTest {

    @TempDir
    static Path directory;

    private static Path ecKeys;

    @BeforeAll
    static void generateKeys() {
        ecKeys = CliRunner.generate(directory, "ec", "--kid", "ec-1");
    }

    @Test
    void mint_header_isAccessTokenWithKid() throws Exception {
        JsonWebStructure jws = JsonWebSignature.fromCompactSerialization(
                CliRunner.mint(ecKeys, CLOCK));

        assertEquals("at+jwt", jws.getHeader("typ"));
        assertEquals("ec-1", jws.getKeyIdHeaderValue());
        assertEquals("ES256", jws.getAlgorithmHeaderValue());
    }

    @Test
    void mint_token_passesServerVerifier() throws Exception {
        String token = CliRunner.mint(ecKeys, CLOCK, "--groups", "customer, vip");

        VerifiedToken verified = verifier().verify(token);

        assertEquals("alice", verified.subject());
        assertEquals(List.of("customer", "vip"), verified.groups());
        assertEquals(List.of(AUDIENCE), verified.audiences());
    }

    @Test
    void mint_lifetime_setsExpiry() throws Exception {
        JwtClaims claims = claims(CliRunner.mint(ecKeys, CLOCK, "--lifetime", "60"));

        assertEquals(NOW.getEpochSecond(), claims.getIssuedAt().getValue());
        assertEquals(NOW.getEpochSecond(), claims.getNotBefore().getValue());
        assertEquals(NOW.getEpochSecond() + 60, claims.getExpirationTime().getValue());
    }

    @Test
    void mint_noLifetime_livesFifteenMinutes() throws Exception {
        JwtClaims claims = claims(CliRunner.mint(ecKeys, CLOCK));

        assertEquals(900, claims.getExpirationTime().getValue()
                - claims.getIssuedAt().getValue());
    }

    @Test
    void mint_noGroups_writesEmptyGroups() throws Exception {
        assertEquals(List.of(), claims(CliRunner.mint(ecKeys, CLOCK)).getClaimValue("groups"));
    }

    @Test
    void mint_claims_parseJsonValues() throws Exception {
        Map<String, Object> claims = claims(CliRunner.mint(ecKeys, CLOCK,
                "--claim", "tenant=acme",
                "--claim", "level=3",
                "--claim", "ratio=0.5",
                "--claim", "admin=true",
                "--claim", "scopes=[\"read\",\"write\"]",
                "--claim", "address={\"city\":\"Berlin\"}",
                "--claim", "code=\"042\"",
                "--claim", "nothing=null",
                "--claim", "empty=")).getClaimsMap();

        assertEquals("acme", claims.get("tenant"));
        assertEquals(3L, claims.get("level"));
        assertEquals(0.5, claims.get("ratio"));
        assertEquals(true, claims.get("admin"));
        assertEquals(List.of("read", "write"), claims.get("scopes"));
        assertEquals(Map.of("city", "Berlin"), claims.get("address"));
        assertEquals("042", claims.get("code"));
        assertEquals("null", claims.get("nothing"));
        assertEquals("", claims.get("empty"));
    }

    @Test
    void mint_kid_picksSigningKeyAmongSeveral() throws Exception {
        Path file = twoSigners();

        String token = CliRunner.mint(file, CLOCK, "--kid", "h1");

        assertEquals("h1", JsonWebSignature.fromCompactSerialization(token)
                .getKeyIdHeaderValue());
    }

    @Test
    void mint_rsaWithPs256_signsWithIt() throws Exception {
        Path file = CliRunner.generate(directory, "rsa", "--alg", "PS256");

        String token = CliRunner.mint(file, CLOCK);

        assertEquals("PS256", JsonWebSignature.fromCompactSerialization(token)
                .getAlgorithmHeaderValue());
    }

    @Test
    void mint_output_isOneLineWithoutNotes() {
        Result result = CliRunner.run("token", "mint", "--keys", ecKeys.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE, "--sub", "alice");

        assertEquals(1, result.out().lines().count());
        assertEquals("", result.err());
    }

    @Test
    void mint_largeToken_notesMaxSize() {
        Result result = CliRunner.run("token", "mint", "--keys", ecKeys.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE, "--sub", "alice",
                "--claim", "padding=" + "x".repeat(9000));

        assertEquals(0, result.status());
        assertTrue(result.err().contains("jwtee.token.max-size"), result.err());
    }

    private static Path twoSigners() throws Exception {
        String hmac = CliRunner.read(CliRunner.generate(directory, "hmac", "--kid", "h1"));
        String ec = CliRunner.read(ecKeys);
        return Files.writeString(directory.resolve("two.jwk"), "{\"keys\": ["
                + hmac.substring(hmac.indexOf('[') + 1, hmac.lastIndexOf(']')) + ", "
                + ec.substring(ec.indexOf('[') + 1, ec.lastIndexOf(']')) + "]}");
    }

    private static TokenVerifier verifier() {
        TokenSettings settings = new TokenSettings(ISSUER, AUDIENCE, Duration.ofMinutes(15),
                Duration.ofSeconds(30), 8192, Set.of("at+jwt"));
        return new TokenVerifier(settings, KeySetLoader.fromJwks(CliRunner.read(ecKeys)),
                CLOCK);
    }

    private static JwtClaims claims(String token) throws Exception {
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(
                token);
        return JwtClaims.parse(jws.getUnverifiedPayload());
    }
}
