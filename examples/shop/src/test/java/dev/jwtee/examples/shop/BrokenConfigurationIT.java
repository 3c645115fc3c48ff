package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deploys the shop with a credential validator class that does not exist. The configuration
 * itself is valid, so the application deploys, but jwtee cannot start: every request, the
 * public menu and the token endpoint included, must get 503 instead of reaching the
 * application unauthenticated.
 */
@ExtendWith(ArquillianExtension.class)
class BrokenConfigurationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive brokenShop() throws Exception {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/shop.war"));
        String webXml = new String(war.get("WEB-INF/web.xml").getAsset().openStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        String broken = webXml.replace("dev.jwtee.examples.shop.DemoCredentialValidator",
                "dev.jwtee.examples.shop.NoSuchValidator");
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(broken), "web.xml");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"api/menu", "api/orders", "legacy/whoami"})
    void get_anyPath_unavailable(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode(), "status of GET " + path);
        assertFalse(response.body().contains("NoSuchValidator"), "body names no set-up detail");
    }

    @Test
    void signIn_unavailable() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("auth/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=alice&password=alice-pass"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode(), "status of sign-in");
    }

    /** The listener accepts connections on 127.0.0.1 only, whatever host the adapter reports. */
    private URI uri(String path) throws Exception {
        return new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/shop/" + path,
                null, null);
    }
}
