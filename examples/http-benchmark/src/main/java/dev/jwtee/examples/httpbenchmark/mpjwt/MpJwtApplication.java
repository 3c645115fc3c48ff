package dev.jwtee.examples.httpbenchmark.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * JAX-RS application of the MicroProfile JWT WAR: {@link HelloResource} under {@code /api},
 * authenticated by the server's own MP-JWT mechanism. Issuer and key location come from
 * MicroProfile Config; see {@code META-INF/microprofile-config.properties}.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("bench")
public class MpJwtApplication extends Application {
}
