package dev.jwtee.servlet.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtee.core.Jwtee;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs the filter on Tomcat the way a WAR that bundles only the jwtee jars runs on a plain
 * Tomcat: the web application's classes come from a class loader that contains jwtee, jose4j and
 * SLF4J and shares only the Servlet API with the container, so neither the Jakarta Persistence
 * API, nor a JPA provider, nor MicroProfile Config is visible. {@code /memory} keeps refresh
 * tokens in memory; {@code /jpa} asks for the JPA store, which cannot work there.
 */
class TomcatWithoutPersistenceApiTest {

    private static final String SECRET = "c2VydmxldC1maWx0ZXItdGVzdC1zZWNyZXQtb2YtMzItYnl0ZXM";

    private static ClassLoader webapp;
    private static LogRecorder log;
    private static RunningServer server;
    private static Http http;

    @BeforeAll
    static void startServer(@TempDir Path folder) throws Exception {
        log = LogRecorder.start("dev.jwtee");
        webapp = webApplicationLoader();
        Map<String, String> memory = new HashMap<>();
        memory.put("jwtee.issuer", "https://memory.example");
        memory.put("jwtee.keys.hmac-secret", SECRET);
        memory.put("jwtee.credential-validator", TestCredentialValidator.class.getName());
        memory.put("jwtee.refresh.store", "memory");
        Map<String, String> jpa = new HashMap<>(memory);
        jpa.remove("jwtee.refresh.store");
        server = TomcatServer.start(folder, webapp, List.of(new TestWebApp("/memory", memory),
                new TestWebApp("/jpa", jpa)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stopServer() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            log.close();
        }
    }

    @Test
    void webappLoader_persistenceApi_notVisible() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("jakarta.persistence.EntityManagerFactory", false, webapp));
    }

    @Test
    void webappLoader_filter_definedThere() throws Exception {
        Class<?> filter = Class.forName(TestWebApp.FILTER_CLASS, false, webapp);

        assertSame(webapp, filter.getClassLoader(), "loader of the filter class");
    }

    @Test
    void protectedPath_noMicroProfileConfig_defaultRealm() throws Exception {
        var response = http.get("/memory/protected/whoami");

        assertEquals("Bearer realm=\"jwtee\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null), "challenge");
    }

    @Test
    void signIn_memoryStore_tokenAuthenticates() throws Exception {
        String access = http.signIn("/memory").access();

        var response = http.get("/memory/protected/whoami", "Authorization", "Bearer " + access);

        assertEquals("user=alice customer=true admin=false", response.body(), "servlet output");
    }

    @Test
    void refresh_memoryStore_rotates() throws Exception {
        String refresh = http.signIn("/memory").refresh();

        var response = http.refresh("/memory", refresh);

        assertEquals(200, response.statusCode(), "status of the refresh");
    }

    @Test
    void anyPath_jpaStoreWithoutPersistenceApi_unavailable() throws Exception {
        var response = http.get("/jpa/public/whoami");

        assertEquals(503, response.statusCode(), "status while jwtee could not start");
    }

    @Test
    void start_noPersistenceApi_errorNamesStoreKey() {
        assertTrue(log.contains("dev.jwtee.servlet.JwteeFilter", Level.SEVERE,
                "jwtee.refresh.store=memory"), "ERROR line of the failed start");
    }

    /** Holds jwtee, jose4j, SLF4J and the test classes; shares the Servlet API only. */
    private static ClassLoader webApplicationLoader() {
        ClassLoader tests = TomcatWithoutPersistenceApiTest.class.getClassLoader();
        ClassLoader container = new ClassLoader("container", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("jakarta.servlet.")) {
                    return tests.loadClass(name);
                }
                throw new ClassNotFoundException(name);
            }
        };
        URL[] urls = Stream.of(TestWebApp.FILTER_CLASS, Jwtee.class.getName(),
                JsonUtil.class.getName(), LoggerFactory.class.getName(),
                TestCredentialValidator.class.getName())
                .map(name -> location(tests, name))
                .distinct()
                .toArray(URL[]::new);
        return new URLClassLoader("webapp", urls, container);
    }

    private static URL location(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader).getProtectionDomain().getCodeSource()
                    .getLocation().toURI().toURL();
        } catch (ClassNotFoundException | URISyntaxException | IOException e) {
            throw new IllegalStateException("no location for " + className, e);
        }
    }
}
