package dev.jwtee.core.config;

/**
 * Signals that jwtee is set up wrongly: a configuration value is missing or invalid, a key file
 * cannot be read, or a key is unfit for its algorithm. It is the "setup is broken" root, as
 * opposed to {@code TokenRejectedException}, which rejects one token.
 *
 * <p>Messages start with the configuration key they concern, so an operator can find it. They
 * never contain a secret or a private key.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * Creates an exception about {@code key}.
     *
     * @param key the configuration key at fault, never {@code null}
     * @param problem what is wrong and how to fix it
     */
    public ConfigurationException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /**
     * Creates an exception about {@code key} with an underlying cause.
     *
     * @param key the configuration key at fault, never {@code null}
     * @param problem what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConfigurationException(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    /**
     * Returns the configuration key this exception concerns.
     *
     * @return the key, never {@code null}
     */
    public String key() {
        return key;
    }
}
