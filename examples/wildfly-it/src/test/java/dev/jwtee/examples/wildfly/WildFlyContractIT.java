package dev.jwtee.examples.wildfly;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.jwtee.servlet.containers.ContractRow;
import dev.jwtee.servlet.containers.ContractTable;
import dev.jwtee.servlet.containers.ContractWar;
import dev.jwtee.servlet.containers.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP contract table of the servlet filter on WildFly: every row that embedded Tomcat and
 * Jetty run, on the two WARs that {@link ContractWar} builds from the same classes and
 * init-params. Refresh tokens of the configured application go to WildFly's default data
 * source, and the realm comes from the WAR's {@code microprofile-config.properties}. The
 * configured rows run a second time on a WAR without a jwtee filter entry, whose filter the
 * context-param {@code jwtee.filter.registration} registers.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyContractIT {

    private static final String CONFIGURED = "contract";

    private static final String FAILED_START = "contract-broken";

    private static final String REGISTERED = "contract-registered";

    /** Both deployments share WildFly's one HTTP listener, so this URL gives the port. */
    @ArquillianResource
    @OperateOnDeployment(CONFIGURED)
    private URL configuredUrl;

    @Deployment(name = CONFIGURED, testable = false, order = 1)
    static WebArchive configuredWar() {
        return ContractWar.create(ContractWar.configured("/" + CONFIGURED));
    }

    @Deployment(name = FAILED_START, testable = false, order = 2)
    static WebArchive failedStartWar() {
        return ContractWar.create(ContractWar.failedStart("/" + FAILED_START));
    }

    /** Returns the configured application again, its filter registered by the initializer. */
    @Deployment(name = REGISTERED, testable = false, order = 3)
    static WebArchive registeredWar() {
        return ContractWar.createRegistered(ContractWar.configured("/" + REGISTERED));
    }

    static Stream<ContractRow> rows() {
        return Stream.concat(ContractTable.rows("/" + CONFIGURED, "/" + FAILED_START),
                ContractTable.configuredRows("/" + REGISTERED)
                        .map(row -> row.named("registered by context-param: " + row.name())));
    }

    /** Sends the row's request to 127.0.0.1, the only address WildFly binds here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void contract(ContractRow row) throws Exception {
        HttpResponse<String> response = row.exchange().send(new Http(configuredUrl.getPort()));

        assertAll(row.name(), row.checks(response));
    }
}
