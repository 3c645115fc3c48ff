package dev.jwtee.examples.wildfly.jaxrsonly;

import dev.jwtee.jaxrs.testing.JaxrsOnlyContract;
import dev.jwtee.jaxrs.testing.JaxrsOnlyWar;
import dev.jwtee.jaxrs.testing.ListedApplication;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JAX-RS-only WAR on WildFly whose application lists its classes, {@code JwteeFeature} among
 * them, so RESTEasy does not scan. The realm comes from the application's properties, which
 * take precedence over {@code microprofile-config.properties}.
 */
@ExtendWith(ArquillianExtension.class)
class ListedJaxrsOnlyIT extends JaxrsOnlyContract {

    private static final String NAME = "jaxrs-only-listed";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive war() {
        return JaxrsOnlyWar.create(NAME, ListedApplication.class);
    }

    @Override
    protected URI apiUri() throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/" + NAME + "/api/",
                null, null);
    }

    @Override
    protected String realm() {
        return ListedApplication.REALM;
    }
}
