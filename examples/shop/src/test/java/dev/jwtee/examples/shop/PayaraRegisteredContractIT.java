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
 * The configured rows of the HTTP contract table on Payara Micro, on a WAR without a jwtee
 * filter entry: the context-param {@code jwtee.filter.registration} is {@code last}, so the
 * filter jar's initializer registers the filter after the declared CORS filter, configured
 * from context-params.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraRegisteredContractIT {

    private static final String CONTEXT = "/contract-registered";

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive contractWar() {
        return ContractWar.createRegistered(ContractWar.configured(CONTEXT));
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
