package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.jwtee.servlet.containers.ContractRow;
import dev.jwtee.servlet.containers.ContractTable;
import dev.jwtee.servlet.containers.ContractWar;
import dev.jwtee.servlet.containers.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP contract table of the servlet filter on Payara Micro, for the configured application:
 * the rows that embedded Tomcat and Jetty run, on a WAR that {@link ContractWar} builds from the
 * same classes and init-params. Refresh tokens go to Payara's default data source, and the realm
 * comes from the WAR's {@code microprofile-config.properties}. The adapter starts one Payara
 * Micro per deployment, so the application whose jwtee cannot start runs in
 * {@link PayaraFailedStartContractIT}.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraContractIT {

    private static final String CONTEXT = "/contract";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive contractWar() {
        return ContractWar.create(ContractWar.configured(CONTEXT));
    }

    static Stream<ContractRow> rows() {
        return ContractTable.configuredRows(CONTEXT);
    }

    /** Sends the row's request to 127.0.0.1, the only address Payara listens on here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void contract(ContractRow row) throws Exception {
        HttpResponse<String> response = row.exchange().send(new Http(deploymentUrl.getPort()));

        assertAll(row.name(), row.checks(response));
    }
}
