package dev.jwtee.servlet;

import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Detects Jakarta Security HTTP authentication mechanisms in the web application, such as the
 * one that MicroProfile JWT adds for {@code @LoginConfig(authMethod = "MP-JWT")}. The server
 * calls such a mechanism before any servlet filter, so a Bearer token that the mechanism
 * rejects gets the server's 401 and never reaches {@link JwteeFilter}. CDI and Jakarta
 * Security are used through reflection, because plain servlet containers have neither.
 */
final class AuthenticationMechanisms {

    static final String CDI = "jakarta.enterprise.inject.spi.CDI";
    static final String BEAN_MANAGER = "jakarta.enterprise.inject.spi.BeanManager";
    static final String ANY_LITERAL = "jakarta.enterprise.inject.Any$Literal";
    static final String MECHANISM =
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism";

    /** The WARNING that {@link JwteeFilter} logs when {@link #present} is true. */
    static final String WARNING = "jwtee: this application also has a Jakarta Security HTTP"
            + " authentication mechanism, such as the one that MicroProfile JWT adds for"
            + " @LoginConfig(authMethod = \"MP-JWT\"). The server calls it before jwtee, so a"
            + " Bearer token that it rejects gets the server's 401 and never reaches jwtee."
            + " On Payara, MicroProfile JWT rejects the at+jwt tokens that jwtee issues, and bad"
            + " tokens on jwtee's public paths and token endpoint too. Use one of the two per"
            + " application.";

    private static final System.Logger LOG =
            System.getLogger(AuthenticationMechanisms.class.getName());

    private AuthenticationMechanisms() {
    }

    /**
     * Returns whether CDI has a bean of type {@code HttpAuthenticationMechanism} with any
     * qualifier for the application of {@code loader}. Returns false when CDI or Jakarta
     * Security is missing, when no CDI container runs, and when the lookup fails, which is
     * logged at DEBUG.
     *
     * @param loader the web application's class loader
     * @return true if at least one such bean exists
     */
    static boolean present(ClassLoader loader) {
        try {
            Class<?> cdiClass = Class.forName(CDI, true, loader);
            Class<?> mechanism = Class.forName(MECHANISM, false, loader);
            Class<?> beanManagerClass = Class.forName(BEAN_MANAGER, false, loader);
            Annotation any = (Annotation) Class.forName(ANY_LITERAL, true, loader)
                    .getField("INSTANCE").get(null);
            Object cdi = cdiClass.getMethod("current").invoke(null);
            Object beanManager = cdiClass.getMethod("getBeanManager").invoke(cdi);
            Set<?> beans = (Set<?>) beanManagerClass
                    .getMethod("getBeans", Type.class, Annotation[].class)
                    .invoke(beanManager, mechanism, new Annotation[] {any});
            return !beans.isEmpty();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // CDI.current() fails with an exception inside InvocationTargetException when no
            // CDI container runs for this application.
            LOG.log(Level.DEBUG, "No CDI lookup of HTTP authentication mechanisms: {0}",
                    e.toString());
            return false;
        }
    }
}
