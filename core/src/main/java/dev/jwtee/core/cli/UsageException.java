package dev.jwtee.core.cli;

/**
 * Signals invalid input: an unknown option, a missing or invalid value, or a file that cannot
 * be read or written. The tool prints the message after {@code jwtee: } on standard error, as
 * one line without a stack trace, and exits with {@link ExitStatus#USAGE}. Messages never
 * contain a secret or a private key.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
