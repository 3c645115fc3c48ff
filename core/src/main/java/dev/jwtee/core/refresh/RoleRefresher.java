package dev.jwtee.core.refresh;

import dev.jwtee.core.config.ConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-reads a subject's roles each time one of its refresh tokens is exchanged, so that a
 * demoted user loses a role at the next refresh instead of at the next sign-in. The default,
 * {@link #keepStoredRoles()}, keeps the roles of the sign-in.
 *
 * <p>Configure one with {@code jwtee.refresh.role-refresher} (a class name; the class needs a
 * public no-argument constructor and is loaded with the thread context class loader) or with
 * {@code Jwtee.Builder.roleRefresher}. It is called before the rotation's transaction, and only
 * for a token that is active or rotated. An exception it throws fails the refresh but leaves the
 * token usable. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RoleRefresher {

    /** Configuration key naming a {@code RoleRefresher} class. */
    String CONFIG_KEY = "jwtee.refresh.role-refresher";

    /**
     * Returns the roles that {@code subject} has now.
     *
     * @param subject the signed-in user, never {@code null}
     * @param storedRoles the roles stored with the presented token: those of the sign-in or of
     *     the previous refresh; unmodifiable, never {@code null}
     * @return the roles for the new access token and refresh token, or empty when the subject
     *     no longer exists, which revokes the family and rejects the refresh; never {@code null}
     */
    Optional<List<String>> currentRoles(String subject, List<String> storedRoles);

    /**
     * Returns the default refresher, which keeps the stored roles.
     *
     * @return a shared instance
     */
    static RoleRefresher keepStoredRoles() {
        return KeepStoredRoles.INSTANCE;
    }

    /**
     * Instantiates the refresher class {@code className} with its public no-argument
     * constructor.
     *
     * @param className a class implementing this interface
     * @param loader the class loader to load it with, usually the thread context class loader;
     *     {@code null} for this library's own
     * @return a new instance
     * @throws ConfigurationException naming {@value #CONFIG_KEY} if the class cannot be loaded,
     *     does not implement this interface, or cannot be instantiated
     */
    static RoleRefresher fromClassName(String className, ClassLoader loader) {
        Objects.requireNonNull(className, "className");
        ClassLoader effective = loader != null ? loader : RoleRefresher.class.getClassLoader();
        Class<?> type;
        try {
            type = Class.forName(className, true, effective);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException(CONFIG_KEY, "class " + className + " not found", e);
        }
        if (!RoleRefresher.class.isAssignableFrom(type)) {
            throw new ConfigurationException(CONFIG_KEY, "class " + className
                    + " does not implement " + RoleRefresher.class.getName());
        }
        try {
            return (RoleRefresher) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException(CONFIG_KEY, "class " + className
                    + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ConfigurationException(CONFIG_KEY, "constructor of " + className
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException(CONFIG_KEY, "cannot instantiate " + className
                    + ": " + e, e);
        }
    }

    /** The default: the roles stay those of the sign-in. */
    enum KeepStoredRoles implements RoleRefresher {
        /** The only instance. */
        INSTANCE;

        @Override
        public Optional<List<String>> currentRoles(String subject, List<String> storedRoles) {
            return Optional.of(storedRoles);
        }
    }
}
