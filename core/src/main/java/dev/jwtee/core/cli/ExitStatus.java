package dev.jwtee.core.cli;

/** The exit statuses of the tool. */
final class ExitStatus {

    /** The command did what was asked; {@code token inspect --keys} verified the token. */
    static final int SUCCESS = 0;
    /** {@code token inspect} rejected the token, or could not decrypt it. */
    static final int REJECTED = 1;
    /** The input was invalid: an option, a value or a file. */
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
