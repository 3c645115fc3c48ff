package dev.jwtee.servlet.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The WAR that Payara and WildFly run the contract table on. */
class ContractWarTest {

    @Test
    void create_configured_namedAfterContextPath() {
        WebArchive war = ContractWar.create(ContractWar.configured("/contract"));

        assertEquals("contract.war", war.getName());
    }

    @Test
    void webXml_corsFilter_declaredBeforeJwtee() {
        String xml = ContractWar.webXml(ContractWar.configured("/contract"));

        int cors = xml.indexOf("<filter-class>" + CorsHeaderFilter.class.getName());
        int jwtee = xml.indexOf("<filter-class>" + TestWebApp.FILTER_CLASS);
        assertTrue(cors >= 0, "CORS filter declared: " + xml);
        assertTrue(cors < jwtee, "CORS filter before jwtee: " + xml);
    }

    @Test
    void webXml_configured_carriesInitParams() {
        String xml = ContractWar.webXml(ContractWar.configured("/contract"));

        assertTrue(xml.contains("<param-name>jwtee.keys.jwks-file</param-name><param-value>"
                + ContractWar.KEYS + "</param-value>"), xml);
        assertTrue(xml.contains("<param-value>" + TestCredentialValidator.class.getName()
                + "</param-value>"), xml);
        assertTrue(xml.contains("<url-pattern>/protected/*</url-pattern>"), xml);
        assertTrue(xml.contains("<url-pattern>/public/*</url-pattern>"), xml);
    }

    @Test
    void registeredWebXml_configured_contextParamsAndNoJwteeFilter() {
        String xml = ContractWar.registeredWebXml(ContractWar.configured("/registered"));

        assertTrue(xml.contains("<context-param><param-name>jwtee.filter.registration"
                + "</param-name><param-value>last</param-value></context-param>"), xml);
        assertTrue(xml.contains("<context-param><param-name>jwtee.keys.jwks-file</param-name>"
                + "<param-value>" + ContractWar.KEYS + "</param-value></context-param>"), xml);
        assertFalse(xml.contains(TestWebApp.FILTER_CLASS), xml);
        assertFalse(xml.contains("<init-param>"), xml);
        assertTrue(xml.contains("<filter-class>" + CorsHeaderFilter.class.getName()), xml);
    }

    @Test
    void webXml_failedStart_namesMissingValidator() {
        String xml = ContractWar.webXml(ContractWar.failedStart("/contract-broken"));

        assertTrue(xml.contains("<param-value>" + ContractTable.MISSING_VALIDATOR
                + "</param-value>"), xml);
    }

    @Test
    void webXml_noJpaKeys_defaultDataSource() {
        String xml = ContractWar.webXml(ContractWar.configured("/contract"));

        assertFalse(xml.contains("jwtee.jpa."), "no jwtee.jpa.* key: " + xml);
    }

    @Test
    void create_configured_realmFromMicroProfileConfig() throws IOException {
        WebArchive war = ContractWar.create(ContractWar.configured("/contract"));

        String config = text(war, "/WEB-INF/classes/" + ContractWar.CONFIG);
        assertTrue(config.lines().anyMatch(("jwtee.realm=" + ContractTable.REALM)::equals),
                config);
    }

    @Test
    void create_configured_containsEcKey() throws IOException {
        WebArchive war = ContractWar.create(ContractWar.configured("/contract"));

        String keys = text(war, ContractWar.KEYS);
        assertTrue(keys.contains("\"kid\":\"" + ContractTable.KEY_ID + "\""), keys);
        assertTrue(keys.contains("\"d\""), "private part present");
    }

    @Test
    void create_configured_containsApplicationClasses() {
        WebArchive war = ContractWar.create(ContractWar.configured("/contract"));

        for (Class<?> type : List.of(CorsHeaderFilter.class, WhoAmIServlet.class,
                TestCredentialValidator.class)) {
            String path = "/WEB-INF/classes/" + type.getName().replace('.', '/') + ".class";
            assertTrue(war.contains(path), path);
        }
    }

    @Test
    void create_configured_bundlesJwteeJarsWithDescriptors() {
        WebArchive war = ContractWar.create(ContractWar.configured("/contract"));

        List<JavaArchive> libraries = war.get("/WEB-INF/lib").getChildren().stream()
                .map(Node::getPath).map(ArchivePath::get)
                .map(path -> war.getAsType(JavaArchive.class, path))
                .toList();
        assertEquals(4, libraries.size(), "jars in WEB-INF/lib");
        assertTrue(libraries.stream().anyMatch(jar -> jar.contains(
                "/META-INF/persistence.xml")), "a jar with the jwtee persistence unit");
        assertTrue(libraries.stream().anyMatch(jar -> jar.contains(
                "/META-INF/services/jakarta.servlet.ServletContainerInitializer")),
                "a jar with the jwtee initializer");
        assertTrue(libraries.stream().anyMatch(jar -> jar.contains(
                "/org/jose4j/jwt/JwtClaims.class")), "jose4j");
    }

    private static String text(WebArchive war, String path) throws IOException {
        Node node = war.get(path);
        assertNotNull(node, path + " in the WAR");
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
