package dev.jwtee.examples.shop.caller;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * JAX-RS application with the server's MicroProfile JWT switched on: the server then
 * authenticates every request that carries a Bearer token before any servlet filter runs.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"customer", "vip", "admin"})
public class MpJwtCallerApplication extends Application {
}
