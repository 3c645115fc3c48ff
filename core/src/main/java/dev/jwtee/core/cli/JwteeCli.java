package dev.jwtee.core.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code jwtee} command-line tool: generates JWK sets ({@code keys generate}), prints
 * their public keys ({@code keys public}), mints access tokens as the server issues them
 * ({@code token mint}) and inspects or verifies tokens ({@code token inspect}). Run it with
 * {@code java -jar jwtee-core-VERSION-cli.jar --help}.
 *
 * <p>Exit status 0 means success, 1 that {@code token inspect} rejected the token, 2 invalid
 * input, reported as one line on standard error that starts with {@code jwtee: }. Secrets and
 * private keys are printed only by {@code keys generate}, which exists to create them.
 *
 * <p>An instance runs one command line at a time; it is not meant to be shared across
 * threads.
 */
public final class JwteeCli {

    private static final List<Command> COMMANDS = List.of(
            new KeysGenerate(), new KeysPublic(), new TokenMint(), new TokenInspect());

    private final Terminal terminal;

    JwteeCli(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /**
     * Runs the tool with the process's standard streams and exits with its status.
     *
     * @param args the command line, such as {@code keys generate --type ec}
     */
    public static void main(String[] args) {
        System.exit(new JwteeCli(Terminal.system()).run(args));
    }

    /**
     * Runs one command line.
     *
     * @param args the command line without the program name
     * @return the exit status: 0, 1 or 2
     */
    int run(String... args) {
        try {
            return dispatch(Arrays.asList(args));
        } catch (UsageException e) {
            terminal.err().println("jwtee: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("missing command; see: jwtee --help");
        }
        if (isHelp(args.get(0)) || args.get(0).equals("help")) {
            terminal.out().print(HelpText.tool(COMMANDS));
            return ExitStatus.SUCCESS;
        }
        String group = args.get(0);
        List<Command> candidates = COMMANDS.stream()
                .filter(command -> command.name().startsWith(group + " ")).toList();
        if (candidates.isEmpty()) {
            throw new UsageException("unknown command '" + group + "'; expected keys or token;"
                    + " see: jwtee --help");
        }
        if (args.size() < 2 || isHelp(args.get(1))) {
            return groupHelp(group, candidates, args.size() < 2);
        }
        Command command = find(candidates, group + " " + args.get(1));
        List<String> rest = args.subList(2, args.size());
        if (rest.stream().anyMatch(JwteeCli::isHelp)) {
            terminal.out().print(HelpText.command(command));
            return ExitStatus.SUCCESS;
        }
        return command.run(Arguments.parse(rest, command.options(), command.name()), terminal);
    }

    /** Prints the commands of one group, on request or after a missing subcommand. */
    private int groupHelp(String group, List<Command> commands, boolean missing) {
        if (missing) {
            throw new UsageException("missing subcommand for '" + group + "'; expected "
                    + subcommands(group, commands) + "; see: jwtee " + group + " --help");
        }
        terminal.out().print(HelpText.tool(commands));
        return ExitStatus.SUCCESS;
    }

    private static Command find(List<Command> commands, String name) {
        Optional<Command> command = commands.stream()
                .filter(candidate -> candidate.name().equals(name)).findFirst();
        return command.orElseThrow(() -> {
            String group = name.substring(0, name.indexOf(' '));
            return new UsageException("unknown command '" + name + "'; expected "
                    + subcommands(group, commands));
        });
    }

    private static String subcommands(String group, List<Command> commands) {
        return String.join(" or ", commands.stream()
                .map(command -> command.name().substring(group.length() + 1)).toList());
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
