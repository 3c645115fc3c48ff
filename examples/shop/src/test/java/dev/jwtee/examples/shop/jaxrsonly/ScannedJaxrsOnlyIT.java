package dev.jwtee.examples.shop.jaxrsonly;

import dev.jwtee.jaxrs.testing.JaxrsOnlyContract;
import dev.jwtee.jaxrs.testing.JaxrsOnlyWar;
import dev.jwtee.jaxrs.testing.ScannedApplication;
import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JAX-RS-only WAR on Payara Micro whose application leaves registration to scanning, so
 * Jersey finds {@code JwteeFeature} through its {@code @Provider} annotation.
 */
@ExtendWith(ArquillianExtension.class)
class ScannedJaxrsOnlyIT extends JaxrsOnlyContract {

    /** The shop's Payara descriptor, relative to the module folder in which the tests run. */
    private static final String PAYARA_WEB_XML = "src/main/webapp/WEB-INF/payara-web.xml";

    private static final String NAME = "jaxrs-only-scanned";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive war() {
        return JaxrsOnlyWar.create(NAME, ScannedApplication.class)
                .addAsWebInfResource(new File(PAYARA_WEB_XML), "payara-web.xml");
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
