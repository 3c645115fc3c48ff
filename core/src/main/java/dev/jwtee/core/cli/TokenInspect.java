package dev.jwtee.core.cli;

import dev.jwtee.core.config.EncryptionSettings;
import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.token.DecryptedJwe;
import dev.jwtee.core.token.JweDecryptor;
import dev.jwtee.core.token.TokenRejectedException;
import dev.jwtee.core.token.TokenVerifier;
import dev.jwtee.core.token.VerifiedToken;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code token inspect}: prints a token's header and claims, and with {@code --keys} verifies
 * it through {@link TokenVerifier} under the server's rules.
 */
final class TokenInspect implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("--keys", "FILE", "JWK set of verification keys; verifies the token as"
                    + " the server does"),
            Option.value("--iss", "ISS", "issuer the token must carry (required with --keys)"),
            Option.value("--aud", "AUD", "audience the token must contain (required with"
                    + " --keys)"),
            Option.value("--encryption-keys", "FILE", "JWK set of JWE keys; decrypts an"
                    + " encrypted token"),
            Option.value("--clock-skew", "SECONDS", "tolerance on exp, nbf and iat with"
                    + " --keys, 0 to 300 seconds; default: 30"),
            Option.value("--max-size", "BYTES", "largest token accepted with --keys, 512 to"
                    + " 65536 bytes; default: 8192"));

    @Override
    public String name() {
        return "token inspect";
    }

    @Override
    public String usage() {
        return "TOKEN|- [--keys FILE --iss ISS --aud AUD] [--encryption-keys FILE]";
    }

    @Override
    public String summary() {
        return "prints a token's header and claims, and verifies it with --keys";
    }

    @Override
    public String description() {
        return "Prints the header and claims of TOKEN (or of the token on standard input,"
                + " for -) as indented JSON, and exp, iat and nbf as UTC times. Without --keys"
                + " the signature is NOT verified. With --keys it prints 'verified' (exit"
                + " status 0) or 'rejected: CODE: DESCRIPTION' (exit status 1).";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        boolean verify = arguments.has("--keys");
        arguments.rejectUnless(verify, "with --keys", "--iss", "--aud", "--clock-skew",
                "--max-size");
        Optional<EncryptionKeySet> jweKeys = arguments.path("--encryption-keys")
                .map(KeyFiles::encryptionKeys);
        Optional<TokenVerifier> verifier = verify
                ? Optional.of(verifier(arguments, jweKeys, terminal.clock()))
                : Optional.empty();
        String token = TokenText.read(arguments.positionals(), terminal.in());

        if (!print(token, jweKeys, terminal.clock().instant(), terminal.out())) {
            return ExitStatus.REJECTED;
        }
        if (verifier.isEmpty()) {
            terminal.out().println("signature NOT verified");
            return ExitStatus.SUCCESS;
        }
        return verify(verifier.get(), token, terminal.out());
    }

    /**
     * Prints a signed token, or the header of an encrypted one and, given its keys, the
     * signed token inside.
     *
     * @return false when an encrypted token could not be decrypted
     */
    private static boolean print(String token, Optional<EncryptionKeySet> jweKeys, Instant now,
            PrintStream out) {
        String[] segments = TokenText.segments(token);
        if (segments.length == 3) {
            printSigned(token, now, out);
            return true;
        }
        Map<String, Object> header = TokenText.jsonObject(segments[0], "JWE header");
        out.println("JWE header:");
        out.println(PrettyJson.format(header));
        if (jweKeys.isEmpty()) {
            out.println("encrypted token (JWE): pass --encryption-keys FILE to decrypt it and"
                    + " print its claims");
            return true;
        }
        Optional<String> inner = decrypt(token, jweKeys.get(), out);
        inner.ifPresent(signed -> printSigned(signed, now, out));
        return inner.isPresent();
    }

    private static TokenVerifier verifier(Arguments arguments,
            Optional<EncryptionKeySet> jweKeys, Clock clock) {
        String issuer = arguments.value("--iss").orElseThrow(() -> new UsageException(
                "missing --iss; verifying needs --keys, --iss and --aud"));
        String audience = arguments.value("--aud").orElseThrow(() -> new UsageException(
                "missing --aud; verifying needs --keys, --iss and --aud"));
        long skew = arguments.number("--clock-skew", ServerDefaults.CLOCK_SKEW.getSeconds(), 0,
                TokenSettings.MAX_CLOCK_SKEW.getSeconds(), "seconds");
        long maxSize = arguments.number("--max-size", ServerDefaults.TOKEN_MAX_SIZE,
                ServerDefaults.TOKEN_MAX_SIZE_LOWER_BOUND,
                ServerDefaults.TOKEN_MAX_SIZE_UPPER_BOUND, "bytes");
        KeySet keys = KeyFiles.signatureKeys(arguments.path("--keys").orElseThrow());

        TokenSettings settings = ServerDefaults.settings(issuer, audience,
                ServerDefaults.LIFETIME, Duration.ofSeconds(skew), (int) maxSize);
        return new TokenVerifier(settings, keys, new EncryptionSettings(jweKeys, false), clock);
    }

    /** Prints the header, claims and times of a compact JWS. */
    private static void printSigned(String token, Instant now, PrintStream out) {
        String[] segments = TokenText.segments(token);
        if (segments.length != 3) {
            throw new UsageException("the decrypted token is not a signed token (JWS)");
        }
        Map<String, Object> header = TokenText.jsonObject(segments[0], "header");
        Map<String, Object> claims = TokenText.jsonObject(segments[1], "payload");
        out.println("header:");
        out.println(PrettyJson.format(header));
        out.println("claims:");
        out.println(PrettyJson.format(claims));
        TimeClaims.describe(claims, now).forEach(out::println);
    }

    /** Returns the decrypted JWS, or prints why decryption failed and returns empty. */
    private static Optional<String> decrypt(String token, EncryptionKeySet keys,
            PrintStream out) {
        try {
            DecryptedJwe jwe = new JweDecryptor(keys, ServerDefaults.TOKEN_MAX_SIZE_UPPER_BOUND)
                    .decrypt(token);
            return Optional.of(new String(jwe.plaintext(), StandardCharsets.UTF_8).strip());
        } catch (TokenRejectedException e) {
            out.println("cannot decrypt: " + e.reason().code() + ": "
                    + e.reason().description());
            return Optional.empty();
        }
    }

    private static int verify(TokenVerifier verifier, String token, PrintStream out) {
        try {
            VerifiedToken verified = verifier.verify(token);
            out.println("verified (kid '" + verified.keyId() + "', " + verified.algorithm()
                    + ")");
            return ExitStatus.SUCCESS;
        } catch (TokenRejectedException e) {
            out.println("rejected: " + e.reason().code() + ": " + e.reason().description());
            return ExitStatus.REJECTED;
        }
    }
}
