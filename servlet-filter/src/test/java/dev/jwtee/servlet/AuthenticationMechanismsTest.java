package dev.jwtee.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Detection of Jakarta Security HTTP authentication mechanisms where there are none. The case
 * with a mechanism runs on Payara Micro in the example shop's {@code MpJwtBesideJwteeIT}.
 */
class AuthenticationMechanismsTest {

    /** The test class path has the Servlet API but neither CDI nor Jakarta Security. */
    @Test
    void present_withoutCdi_false() {
        assertFalse(AuthenticationMechanisms.present(getClass().getClassLoader()));
    }

    @Test
    void present_loaderWithoutClasses_false() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertFalse(AuthenticationMechanisms.present(empty));
        }
    }
}
