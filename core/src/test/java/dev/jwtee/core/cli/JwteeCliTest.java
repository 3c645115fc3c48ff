package dev.jwtee.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.cli.CliRunner.Result;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwteeCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void help_tool_listsEveryCommand(String flag) {
        Result result = CliRunner.run(flag);

        assertEquals(0, result.status());
        assertEquals("", result.err());
        for (String command : List.of("keys generate", "keys public", "token mint",
                "token inspect")) {
            assertTrue(result.out().contains(command), command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys generate", "keys public", "token mint", "token inspect"})
    void help_command_printsUsageAndOptions(String command) {
        Result result = CliRunner.run((command + " --help").split(" "));

        assertEquals(0, result.status());
        assertEquals("", result.err());
        assertTrue(result.out().startsWith("Usage: jwtee " + command), result.out());
        assertTrue(result.out().contains("Options:"), result.out());
        assertTrue(result.out().contains("Exit status:"), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys", "token"})
    void help_group_listsItsCommands(String group) {
        Result result = CliRunner.run(group, "--help");

        assertEquals(0, result.status());
        assertTrue(result.out().contains(group + " "), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys generate", "token mint", "token inspect"})
    void help_optionWithUnit_namesTheUnit(String command) {
        String help = CliRunner.run((command + " --help").split(" ")).out();

        assertTrue(help.contains("bits") || help.contains("seconds"), help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys generate", "keys public", "token mint", "token inspect"})
    void help_command_fitsEightyColumns(String command) {
        String help = CliRunner.run((command + " --help").split(" ")).out();

        help.lines().filter(line -> !line.startsWith("Usage:"))
                .forEach(line -> assertTrue(line.length() <= 80, line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys generate --bogus --help", "token mint --help --iss"})
    void help_withOtherArguments_winsOverErrors(String line) {
        Result result = CliRunner.run(line.split(" "));

        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("Usage:"), result.out());
    }
}
