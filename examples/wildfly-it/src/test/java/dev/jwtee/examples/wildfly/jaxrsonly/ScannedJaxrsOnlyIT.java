package dev.jwtee.examples.wildfly.jaxrsonly;

import dev.jwtee.jaxrs.testing.JaxrsOnlyContract;
import dev.jwtee.jaxrs.testing.JaxrsOnlyWar;
import dev.jwtee.jaxrs.testing.ScannedApplication;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JAX-RS-only WAR on WildFly whose application leaves registration to scanning, so RESTEasy
 * finds {@code JwteeFeature} through its {@code @Provider} annotation in the WAR's libraries.
 */
@ExtendWith(ArquillianExtension.class)
class ScannedJaxrsOnlyIT extends JaxrsOnlyContract {

    private static final String NAME = "jaxrs-only-scanned";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive war() {
        return JaxrsOnlyWar.create(NAME, ScannedApplication.class);
    }

    @Override
    protected URI apiUri() throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/" + NAME + "/api/",
                null, null);
    }

    @Override
    protected String realm() {
        return JaxrsOnlyWar.MICROPROFILE_REALM;
    }
}
