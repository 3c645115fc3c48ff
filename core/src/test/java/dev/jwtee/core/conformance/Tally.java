package dev.jwtee.core.conformance;

/** Counts of one vector file's tests, printed when the file's tests have run. */
final class Tally {

    private final String name;
    private int run;
    private int accepted;
    private int rejected;
    private int overruled;

    Tally(String name) {
        this.name = name;
    }

    synchronized void record(boolean wasAccepted, boolean wasOverruled) {
        run++;
        if (wasAccepted) {
            accepted++;
        } else {
            rejected++;
        }
        if (wasOverruled) {
            overruled++;
        }
    }

    synchronized String summary() {
        return name + ": run " + run + ", accepted " + accepted + ", rejected " + rejected
                + ", overruled " + overruled;
    }
}
