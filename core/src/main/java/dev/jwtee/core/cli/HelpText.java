package dev.jwtee.core.cli;

import java.util.List;

/** Formats the help text of the tool and of each command, wrapped to 80 columns. */
final class HelpText {

    private static final String EXIT_STATUS = "Exit status: 0 success, 1 token rejected,"
            + " 2 invalid input (one line on standard error, starting with 'jwtee: ').";

    /** Width that help text is wrapped to, in characters. */
    private static final int LINE_WIDTH = 80;

    private HelpText() {
    }

    /** Returns the help text of the whole tool: its commands and how to get their help. */
    static String tool(List<Command> commands) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: jwtee COMMAND [OPTIONS]\n\n")
                .append("Creates jwtee keys and access tokens, and inspects tokens.\n\n")
                .append("Commands:\n");
        int width = commands.stream().mapToInt(command -> command.name().length()).max()
                .orElse(0);
        for (Command command : commands) {
            wrap(text, "  " + pad(command.name(), width) + "  ", command.summary(),
                    " ".repeat(width + 4));
        }
        text.append("\nRun 'jwtee COMMAND --help' for the options of a command.\n");
        wrap(text, "", EXIT_STATUS, "");
        return text.toString();
    }

    /** Returns the help text of one command: usage, description and options. */
    static String command(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: jwtee ").append(command.name()).append(' ').append(command.usage())
                .append("\n\n");
        wrap(text, "", command.description(), "");
        text.append("\nOptions:\n");
        List<Option> options = command.options();
        int width = options.stream().mapToInt(option -> option.synopsis().length()).max()
                .orElse(0);
        width = Math.max(width, "-h, --help".length());
        String indent = " ".repeat(width + 4);
        for (Option option : options) {
            wrap(text, "  " + pad(option.synopsis(), width) + "  ", option.help(), indent);
        }
        wrap(text, "  " + pad("-h, --help", width) + "  ", "prints this help", indent);
        text.append('\n');
        wrap(text, "", EXIT_STATUS, "");
        return text.toString();
    }

    /**
     * Appends {@code words} after {@code prefix}, wrapped at {@link #LINE_WIDTH} with every
     * further line starting with {@code indent}, and a final newline.
     */
    private static void wrap(StringBuilder text, String prefix, String words, String indent) {
        StringBuilder line = new StringBuilder(prefix);
        boolean lineEmpty = true;
        for (String word : words.split("\\s+")) {
            if (!lineEmpty && line.length() + 1 + word.length() > LINE_WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
                lineEmpty = true;
            }
            line.append(lineEmpty ? "" : " ").append(word);
            lineEmpty = false;
        }
        text.append(line).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
