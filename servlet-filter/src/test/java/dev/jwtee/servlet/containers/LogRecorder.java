package dev.jwtee.servlet.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what jwtee logs through {@code java.util.logging}, the default back end of
 * {@code System.Logger}, DEBUG (FINE) included. Thread-safe.
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Logger logger;
    private final Level previousLevel;
    private final List<String> messages = new ArrayList<>();

    private LogRecorder(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
    }

    /**
     * Starts recording the loggers under {@code name}.
     *
     * @param name a logger name, such as {@code dev.jwtee}
     * @return the recorder; close it to stop
     */
    public static LogRecorder start(String name) {
        LogRecorder recorder = new LogRecorder(Logger.getLogger(name));
        recorder.setLevel(Level.ALL);
        recorder.logger.setLevel(Level.FINE);
        recorder.logger.addHandler(recorder);
        return recorder;
    }

    /**
     * Tells whether a record of {@code loggerName} at {@code level} contains {@code text}.
     *
     * @param loggerName the exact logger name
     * @param level the level
     * @param text a part of the formatted message
     * @return true if such a record was logged
     */
    public synchronized boolean contains(String loggerName, Level level, String text) {
        String prefix = loggerName + " " + level.getName() + " ";
        return messages.stream().anyMatch(line -> line.startsWith(prefix) && line.contains(text));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        messages.add(record.getLoggerName() + " " + record.getLevel().getName() + " "
                + FORMATTER.formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
