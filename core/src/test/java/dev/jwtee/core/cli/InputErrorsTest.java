package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of invalid input: exit status 2 and one line on standard error, no trace. */
class InputErrorsTest {

    @TempDir
    static Path directory;

    private static String hmac;
    private static String twoSigners;
    private static String publicOnly;
    private static String mixed;
    private static String encryption;
    private static String notJson;
    private static String token;

    @BeforeAll
    static void writeFiles() throws IOException {
        Path hmacFile = CliRunner.generate(directory, "hmac", "--kid", "h1");
        hmac = hmacFile.toString();
        token = CliRunner.mint(hmacFile, CliRunner.CLOCK);
        encryption = CliRunner.generate(directory, "oct-enc").toString();
        Path ecFile = CliRunner.generate(directory, "ec", "--kid", "e1");
        String ecPublic = CliRunner.run("keys", "public", "--in", ecFile.toString()).out();
        publicOnly = write("public.jwk", ecPublic);
        String hmacKey = members(CliRunner.read(hmacFile));
        twoSigners = write("two.jwk", "{\"keys\": [" + hmacKey + ", "
                + members(CliRunner.read(ecFile)) + "]}");
        mixed = write("mixed.jwk", "{\"keys\": [" + hmacKey + ", " + members(ecPublic) + "]}");
        notJson = write("notes.txt", "not a key set");
    }

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                input("missing command", ""),
                input("unknown command 'bogus'", "bogus"),
                input("missing subcommand for 'keys'", "keys"),
                input("unknown command 'token sign'", "token sign"),
                input("missing --type", "keys generate"),
                input("--type: invalid value 'dsa'", "keys generate --type dsa"),
                input("--alg: RS256 does not fit --type ec", "keys generate --type ec --alg RS256"),
                input("expected a whole number of bits", "keys generate --type rsa --size big"),
                input("expected 2048 to 16384 bits", "keys generate --type rsa --size 1024"),
                input("--size does not apply to --type ec", "keys generate --type ec --size 256"),
                input("expected 256, 384 or 521", "keys generate --type ec-enc --size 512"),
                input("a multiple of 8", "keys generate --type hmac --size 260"),
                input("it needs exactly 256 bits", "keys generate --type oct-enc --size 128"),
                input("--force applies only with --out", "keys generate --type ec --force"),
                input("--force takes no value", "keys generate --type ec --force=yes"),
                input("already exists; pass --force", "keys generate --type ec --out " + hmac),
                input("its directory does not exist",
                        "keys generate --type ec --out " + directory.resolve("no/k.jwk")),
                input("is a directory", "keys generate --type ec --out " + directory),
                input("--kid needs a value (ID)", "keys generate --type ec --kid"),
                input("--kid must not be blank", "keys generate --type ec --kid="),
                input("--type is given more than once", "keys generate --type ec --type rsa"),
                input("unexpected argument 'extra'", "keys generate --type ec extra"),
                input("unknown option --bits for 'keys generate'", "keys generate --bits 256"),
                input("missing --in", "keys public"),
                input("file not found", "keys public --in " + directory.resolve("none.jwk")),
                input("is not a JWK set: it is not a JSON object", "keys public --in " + notJson),
                input("missing --keys", "token mint --iss i --aud a --sub s"),
                input("missing --sub", "token mint --keys " + hmac + " --iss i --aud a"),
                input("--iss must not be blank", "token mint --keys " + hmac
                        + " --iss= --aud a --sub s"),
                input("expected a whole number of seconds", mint("--lifetime 15m")),
                input("expected 10 to 86400 seconds", mint("--lifetime 5")),
                input("expected 10 to 86400 seconds", mint("--lifetime 86401")),
                input("--claim iss: reserved claim; set it with --iss", mint("--claim iss=x")),
                input("--claim groups: reserved claim", mint("--claim groups=[\"a\"]")),
                input("--claim exp: reserved claim", mint("--claim exp=1")),
                input("--claim jti: reserved claim", mint("--claim jti=x")),
                input("expected NAME=VALUE", mint("--claim tenant")),
                input("expected NAME=VALUE", mint("--claim =acme")),
                input("--claim tenant is given more than once",
                        mint("--claim tenant=a --claim tenant=b")),
                input("has no key with kid 'nope'", mint("--kid nope")),
                input("unknown option --scope for 'token mint'", mint("--scope read")),
                input("has no private key or secret, so it cannot sign",
                        "token mint --keys " + publicOnly + " --iss i --aud a --sub s"),
                input("2 keys that can sign (e1, h1); choose one with --kid",
                        "token mint --keys " + twoSigners + " --iss i --aud a --sub s"),
                input("key 'e1' in " + mixed + " is a public key, which cannot sign",
                        "token mint --keys " + mixed + " --iss i --aud a --sub s --kid e1"),
                input("has use 'enc'; a signing key needs use 'sig'",
                        "token mint --keys " + encryption + " --iss i --aud a --sub s"),
                input("missing TOKEN", "token inspect"),
                input("expected one TOKEN, got 2", "token inspect a b"),
                input("expected 3 or 5 segments separated by dots, got 2", "token inspect a.b"),
                input("the token's header is not base64url", "token inspect a.b.c"),
                input("the token's header is not one JSON object", "token inspect bm90.e30.c2ln"),
                input("the token's payload is not one JSON object",
                        "token inspect e30.bm90.c2ln"),
                input("--iss applies only with --keys", "token inspect " + token + " --iss i"),
                input("--clock-skew applies only with --keys",
                        "token inspect " + token + " --clock-skew 5"),
                input("missing --iss; verifying needs --keys, --iss and --aud",
                        "token inspect " + token + " --keys " + hmac + " --aud a"),
                input("missing --aud", "token inspect " + token + " --keys " + hmac + " --iss i"),
                input("expected 0 to 300 seconds", verify("--clock-skew 301")),
                input("expected 512 to 65536 bytes", verify("--max-size 100")),
                input("has use 'sig'; an encryption key needs use 'enc'",
                        "token inspect " + token + " --encryption-keys " + hmac),
                input("file not found", "token inspect " + token + " --encryption-keys "
                        + directory.resolve("none.jwk")),
                input("unknown option --verify for 'token inspect'",
                        "token inspect " + token + " --verify"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidInput")
    void invalidInput_printsOneLine_exitsTwo(String message, String line) {
        Result result = CliRunner.run(line.isEmpty() ? new String[0] : line.split(" "));

        assertEquals(2, result.status(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("jwtee: "), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertEquals("", result.out());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidInput")
    void invalidInput_printsNoTrace(String message, String line) {
        Result result = CliRunner.run(line.isEmpty() ? new String[0] : line.split(" "));

        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @ParameterizedTest(name = "stdin {0}")
    @MethodSource("emptyInput")
    void inspect_emptyStandardInput_exitsTwo(String stdin) {
        Result result = CliRunner.run(CliRunner.CLOCK, stdin, "token", "inspect", "-");

        assertEquals(2, result.status());
        assertEquals("jwtee: the token is empty", result.err().strip());
    }

    static Stream<String> emptyInput() {
        return Stream.of("", " \n");
    }

    private static Arguments input(String message, String line) {
        return Arguments.of(message, line);
    }

    private static String mint(String options) {
        return "token mint --keys " + hmac + " --iss i --aud a --sub s " + options;
    }

    private static String verify(String options) {
        return "token inspect " + token + " --keys " + hmac + " --iss i --aud a " + options;
    }

    /** Returns the members of a one-key JWK set, such as {"kty": ...}. */
    private static String members(String jwks) {
        return jwks.substring(jwks.indexOf('[') + 1, jwks.lastIndexOf(']')).strip();
    }

    private static String write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text).toString();
    }
}
