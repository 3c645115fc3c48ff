package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs the tool in-process with captured streams and a fixed clock. */
final class CliRunner {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://shop.example.test";
    static final String AUDIENCE = "shop-api";

    private CliRunner() {
    }

    /** Runs {@code args} at {@link #NOW} with empty standard input. */
    static Result run(String... args) {
        return run(CLOCK, "", args);
    }

    /** Runs {@code args} at the time of {@code clock}, with {@code stdin} as standard input. */
    static Result run(Clock clock, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        int status = new JwteeCli(terminal).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code keys generate --type TYPE} with {@code options} into a new file. */
    static Path generate(Path directory, String type, String... options) {
        Path file = directory.resolve(type + "-" + System.nanoTime() + ".jwk");
        List<String> args = new ArrayList<>(List.of("keys", "generate", "--type", type,
                "--out", file.toString()));
        args.addAll(List.of(options));
        Result result = run(args.toArray(String[]::new));
        assertEquals(0, result.status(), result.err());
        return file;
    }

    /** Mints a token for alice with {@code keys} at the time of {@code clock}. */
    static String mint(Path keys, Clock clock, String... options) {
        List<String> args = new ArrayList<>(List.of("token", "mint", "--keys", keys.toString(),
                "--iss", ISSUER, "--aud", AUDIENCE, "--sub", "alice"));
        args.addAll(List.of(options));
        Result result = run(clock, "", args.toArray(String[]::new));
        assertEquals(0, result.status(), result.err());
        return result.out().strip();
    }

    /** Returns a file's text. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What one run printed and returned.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {

        /** Returns the lines of standard error. */
        List<String> errLines() {
            return err.lines().toList();
        }
    }
}
