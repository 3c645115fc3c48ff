package dev.jwtee.examples.shop.caller;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS application for {@link CallerResource} behind jwtee alone. It declares the same roles
 * as {@link MpJwtCallerApplication}, so that the two differ only in the mechanism.
 */
@ApplicationPath("/api")
@DeclareRoles({"customer", "vip", "admin"})
public class JwteeCallerApplication extends Application {
}
