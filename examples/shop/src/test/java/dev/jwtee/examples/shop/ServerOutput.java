package dev.jwtee.examples.shop;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Records what is written to {@code System.out} between {@link #start} and {@link #stop} and
 * passes it on. The Payara Micro adapter prints the server's console output there line by line,
 * so a test can check the server log of its own deployment.
 */
final class ServerOutput {

    private static final ByteArrayOutputStream RECORDED = new ByteArrayOutputStream();
    private static PrintStream original;

    private ServerOutput() {
    }

    /** Starts recording, unless already started, and discards what was recorded before. */
    static synchronized void start() {
        RECORDED.reset();
        if (original != null) {
            return;
        }
        original = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                record(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                record(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** Stops recording and restores {@code System.out}. */
    static synchronized void stop() {
        if (original != null) {
            System.setOut(original);
            original = null;
        }
    }

    /** Returns the text recorded since {@link #start}. */
    static synchronized String text() {
        return RECORDED.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits until the recorded text contains {@code part}, checking every 200 ms, because the
     * adapter prints the server's output on a thread of its own.
     *
     * @param part the text to wait for
     * @param timeout the longest wait
     * @return true if the text appeared, false after the timeout
     */
    static boolean await(String part, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text().contains(part)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private static synchronized void record(byte[] bytes, int offset, int length) {
        RECORDED.write(bytes, offset, length);
    }
}
