package dev.jwtee.servlet;

import dev.jwtee.core.config.ConfigKeys;
import dev.jwtee.core.config.ConfigurationException;
import java.util.Locale;

/**
 * Values of the context-param {@value ConfigKeys#FILTER_REGISTRATION}: whether
 * {@link JwteeInitializer} registers {@link JwteeFilter} itself, and where its mapping goes
 * among the filter mappings that the application declares.
 */
enum FilterRegistrationMode {

    /** Registers nothing; the application declares the filter itself, if it wants one. */
    NONE,

    /**
     * Maps the filter before every declared filter mapping ({@code isMatchAfter=false}), so it
     * authenticates the request before any application filter runs.
     */
    FIRST,

    /**
     * Maps the filter after every declared filter mapping ({@code isMatchAfter=true}), so
     * application filters, such as a CORS filter, run before it.
     */
    LAST;

    /**
     * Parses a context-param value, trimmed and in any case; absent or blank means
     * {@link #NONE}.
     *
     * @param value the context-param value, or {@code null} when it is not set
     * @return the mode
     * @throws ConfigurationException if the value is not {@code none}, {@code first} or
     *     {@code last}
     */
    static FilterRegistrationMode parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ConfigKeys.FILTER_REGISTRATION, "invalid value '"
                    + value.trim() + "'; expected none, first or last", e);
        }
    }

    /**
     * Returns the value as written in the context-param.
     *
     * @return {@code none}, {@code first} or {@code last}
     */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
