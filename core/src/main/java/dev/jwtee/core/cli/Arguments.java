package dev.jwtee.core.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options and positional arguments of one command line, parsed against the options of a
 * command. Options take their value as the next argument or after {@code =}; {@code --} ends
 * the options; a lone {@code -} is a positional argument (standard input). Every accessor
 * rejects bad input with a {@link UsageException} that names the option.
 */
final class Arguments {

    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private Arguments(Map<String, List<String>> values, List<String> positionals) {
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * Parses {@code args} against {@code options}.
     *
     * @param args the arguments after the command name
     * @param options the options the command accepts
     * @param command the command name, for messages
     * @return the parsed arguments
     * @throws UsageException for an unknown, repeated or incomplete option
     */
    static Arguments parse(List<String> args, List<Option> options, String command) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            Option option = find(options, equals < 0 ? arg : arg.substring(0, equals), command);
            String value;
            if (equals >= 0) {
                value = inlineValue(option, arg.substring(equals + 1));
            } else if (!option.takesValue()) {
                value = "";
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(option.name() + " needs a value ("
                        + option.valueName() + ")");
            }
            add(values, option, value);
        }
        return new Arguments(values, List.copyOf(positionals));
    }

    /** Returns the value given after {@code =}, which a flag does not take. */
    private static String inlineValue(Option option, String value) {
        if (!option.takesValue()) {
            throw new UsageException(option.name() + " takes no value");
        }
        return value;
    }

    private static void add(Map<String, List<String>> values, Option option, String value) {
        List<String> list = values.computeIfAbsent(option.name(), key -> new ArrayList<>());
        if (!list.isEmpty() && !option.repeatable()) {
            throw new UsageException(option.name() + " is given more than once");
        }
        list.add(value);
    }

    private static Option find(List<Option> options, String name, String command) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown option " + name + " for '"
                        + command + "'; see: jwtee " + command + " --help"));
    }

    /** Tells whether the option was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Returns the value of an option, or empty when it was not given; blank is rejected. */
    Optional<String> value(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            return Optional.empty();
        }
        String value = list.get(0);
        if (value.isBlank()) {
            throw new UsageException(name + " must not be blank");
        }
        return Optional.of(value);
    }

    /** Returns the value of an option that the command needs. */
    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("missing " + name));
    }

    /** Returns every value of a repeatable option, in order. */
    List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** Returns the value of a file option as a path. */
    Optional<Path> path(String name) {
        Optional<String> value = value(name);
        try {
            return value.map(Path::of);
        } catch (InvalidPathException e) {
            throw new UsageException(name + ": invalid path '" + value.get() + "'");
        }
    }

    /**
     * Returns a whole number within {@code [min, max]}.
     *
     * @param name the option
     * @param defaultValue the value when the option was not given
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @param unit the unit named in messages, such as "seconds"
     * @return the number
     */
    long number(String name, long defaultValue, long min, long max, String unit) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": invalid value '" + value.get()
                    + "'; expected a whole number of " + unit);
        }
        if (number < min || number > max) {
            throw new UsageException(name + ": invalid value " + number + "; expected " + min
                    + " to " + max + " " + unit);
        }
        return number;
    }

    /** Returns the positional arguments, in order. */
    List<String> positionals() {
        return positionals;
    }

    /** Rejects the options in {@code names} that were given, unless {@code allowed}. */
    void rejectUnless(boolean allowed, String condition, String... names) {
        for (String name : names) {
            if (!allowed && has(name)) {
                throw new UsageException(name + " applies only " + condition);
            }
        }
    }

    /** Rejects positional arguments, for commands that take options only. */
    void rejectPositionals() {
        if (!positionals.isEmpty()) {
            throw new UsageException("unexpected argument '" + positionals.get(0) + "'");
        }
    }
}
