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
 * The failed-start rows of the HTTP contract table on Payara Micro: the application of the table
 * whose credential validator class does not exist deploys, and jwtee returns 503 to every
 * request, as on embedded Tomcat and Jetty.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraFailedStartContractIT {

    private static final String CONTEXT = "/contract-broken";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive failedStartWar() {
        return ContractWar.create(ContractWar.failedStart(CONTEXT));
    }

    static Stream<ContractRow> rows() {
        return ContractTable.failedStartRows(CONTEXT);
    }

    /** Sends the row's request to 127.0.0.1, the only address Payara listens on here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void contract(ContractRow row) throws Exception {
        HttpResponse<String> response = row.exchange().send(new Http(deploymentUrl.getPort()));

        assertAll(row.name(), row.checks(response));
    }
}
