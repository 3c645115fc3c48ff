package dev.jwtee.core.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The standard streams and the clock that a command runs with. Tests pass their own, so the
 * tool runs in-process with captured output and a fixed time.
 *
 * @param in standard input, read by {@code token inspect -}
 * @param out standard output, for results
 * @param err standard error, for errors and notes
 * @param clock the clock for {@code iat}, {@code exp} and expiry checks
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Clock clock) {

    /** Checks that no component is {@code null}. */
    Terminal {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** Returns the process's standard streams and the system clock in UTC. */
    static Terminal system() {
        return new Terminal(System.in, System.out, System.err, Clock.systemUTC());
    }
}
