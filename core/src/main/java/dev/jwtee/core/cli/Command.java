package dev.jwtee.core.cli;

import java.util.List;

/** One subcommand of the tool, such as {@code keys generate}. Implementations are stateless. */
interface Command {

    /** Returns the command's words, such as {@code keys generate}. */
    String name();

    /** Returns the arguments after the name, as the usage line shows them. */
    String usage();

    /** Returns what the command does, in one line for the command list. */
    String summary();

    /** Returns the paragraph that help text shows below the usage line. */
    String description();

    /** Returns the options the command accepts, in the order help text lists them. */
    List<Option> options();

    /**
     * Runs the command.
     *
     * @param arguments the parsed arguments after the command name
     * @param terminal the streams and clock to use
     * @return the exit status, one of {@link ExitStatus}
     * @throws UsageException for invalid input
     */
    int run(Arguments arguments, Terminal terminal);
}
