package dev.jwtee.core.cli;

/**
 * One option of a command, such as {@code --kid ID}.
 *
 * @param name the option with its dashes, such as {@code --kid}
 * @param valueName the placeholder of its value in help text, or {@code null} for a flag
 * @param help what the option sets, with its unit and default
 * @param repeatable whether the option may be given more than once
 */
record Option(String name, String valueName, String help, boolean repeatable) {

    /** Creates an option that takes one value and may be given once. */
    static Option value(String name, String valueName, String help) {
        return new Option(name, valueName, help, false);
    }

    /** Creates an option that takes one value and may be given any number of times. */
    static Option repeated(String name, String valueName, String help) {
        return new Option(name, valueName, help, true);
    }

    /** Creates a flag, an option without a value. */
    static Option flag(String name, String help) {
        return new Option(name, null, help, false);
    }

    /** Tells whether the option takes a value. */
    boolean takesValue() {
        return valueName != null;
    }

    /** Returns the option as help text shows it, such as {@code --kid ID}. */
    String synopsis() {
        return takesValue() ? name + " " + valueName : name;
    }
}
