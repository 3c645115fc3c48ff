package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged command-line jar as its own process, as a user does with
 * {@code java -jar}, so the manifest, the bundled jose4j and the SLF4J binding are exercised.
 * Maven's failsafe plugin runs it after {@code package} and passes the jar's path in the
 * system property {@code jwtee.cli.jar}.
 */
class JwteeCliJarIT {

    /** Maximum time one run of the jar may take before the test fails. */
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path directory;

    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("jwtee.cli.jar");
        assertTrue(property != null && !property.isBlank(), "system property jwtee.cli.jar is"
                + " not set; run this test with mvn verify");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " does not exist; run mvn package first");
    }

    @Test
    void jar_help_printsUsage() throws Exception {
        Run run = java("--help");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: jwtee COMMAND"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jar_roundTrip_verifiesWithoutLogNoise() throws Exception {
        Path keys = directory.resolve("ec.jwk");
        Run generate = java("keys", "generate", "--type", "ec", "--kid", "ec-1", "--out",
                keys.toString());
        assertEquals(0, generate.status(), generate.err());
        Run mint = java("token", "mint", "--keys", keys.toString(), "--iss", "https://i.test",
                "--aud", "api", "--sub", "alice");
        assertEquals(0, mint.status(), mint.err());

        Run inspect = java("token", "inspect", mint.out().strip(), "--keys", keys.toString(),
                "--iss", "https://i.test", "--aud", "api");

        assertEquals(0, inspect.status(), inspect.out() + inspect.err());
        assertTrue(inspect.out().contains("verified (kid 'ec-1', ES256)"), inspect.out());
        assertEquals("", generate.err() + mint.err() + inspect.err());
    }

    @Test
    void jar_unknownOption_exitsTwoWithOneLine() throws Exception {
        Run run = java("keys", "generate", "--bogus");

        assertEquals(2, run.status());
        assertEquals(List.of("jwtee: unknown option --bogus for 'keys generate'; see: jwtee"
                + " keys generate --help"), run.err().lines().toList());
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not finish"
                    + " within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The result of one run of the jar.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    private record Run(int status, String out, String err) {
    }
}
