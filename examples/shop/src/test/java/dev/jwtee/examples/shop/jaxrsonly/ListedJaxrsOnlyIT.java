package dev.jwtee.examples.shop.jaxrsonly;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JAX-RS-only WAR on Payara Micro whose application lists its classes, {@code JwteeFeature}
 * among them, so Jersey does not scan. The realm comes from the application's properties,
 * which take precedence over {@code microprofile-config.properties}.
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
    URI apiUri() throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/" + NAME + "/api/",
                null, null);
    }

    @Override
    String realm() {
        return ListedApplication.REALM;
    }
}
