package dev.jwtee.servlet.containers;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the applications of {@link ContractTable} as WARs for a Jakarta EE server, the same
 * applications that {@link TomcatServer} and {@link JettyServer} assemble in code. Each WAR
 * holds:
 *
 * <ul>
 *   <li>{@code WEB-INF/web.xml} with {@link CorsHeaderFilter} declared before the jwtee filter,
 *       both on {@code /*}, and {@link WhoAmIServlet} on {@code /protected/*} and
 *       {@code /public/*};
 *   <li>those classes and {@link TestCredentialValidator} in {@code WEB-INF/classes};
 *   <li>{@code WEB-INF/classes/META-INF/microprofile-config.properties}, the file that sets the
 *       realm on Tomcat and Jetty too;
 *   <li>a new EC key in {@value #KEYS};
 *   <li>in {@code WEB-INF/lib}: jwtee-core (with the {@code jwtee} persistence unit),
 *       jwtee-servlet-filter, jose4j and the SLF4J API that jose4j logs through, as an
 *       adopting WAR bundles them.
 * </ul>
 *
 * <p>The WAR's name is the context path without its slash, so a server that derives the context
 * root from the name serves it at {@link TestWebApp#contextPath()}. No {@code jwtee.jpa.*} key
 * is set, so refresh tokens go to the server's default data source.
 */
public final class ContractWar {

    /** The {@code jwtee.keys.jwks-file} of both applications, inside the WAR. */
    public static final String KEYS = "/WEB-INF/contract-keys.json";

    /** The MicroProfile Config file that sets {@code jwtee.realm}. */
    public static final String CONFIG = "META-INF/microprofile-config.properties";

    /** Classes whose jars an adopting WAR puts in {@code WEB-INF/lib}, one class per jar. */
    private static final List<String> LIBRARY_CLASSES = List.of("dev.jwtee.core.Jwtee",
            TestWebApp.FILTER_CLASS, "org.jose4j.jwt.JwtClaims", "org.slf4j.LoggerFactory");

    private ContractWar() {
    }

    /**
     * Returns the configured application of the table at {@code contextPath}.
     *
     * @param contextPath the context path, such as {@code /contract}
     * @return the application
     */
    public static TestWebApp configured(String contextPath) {
        return new TestWebApp(contextPath, ContractTable.appParameters(KEYS));
    }

    /**
     * Returns the application of the table whose jwtee cannot start, at {@code contextPath}.
     *
     * @param contextPath the context path, such as {@code /contract-broken}
     * @return the application
     */
    public static TestWebApp failedStart(String contextPath) {
        return new TestWebApp(contextPath, ContractTable.failedStartParameters(KEYS));
    }

    /**
     * Builds the WAR of {@code app}.
     *
     * @param app the application; its init-params name {@value #KEYS} as the JWKS file
     * @return the WAR, named after the context path
     */
    public static WebArchive create(TestWebApp app) {
        return create(app, webXml(app));
    }

    /**
     * Builds the WAR of {@code app} without a jwtee filter entry: the init-params become
     * context-params, and the context-param {@code jwtee.filter.registration} is {@code last},
     * so the filter jar's initializer registers the filter after the declared CORS filter.
     *
     * @param app the application; its init-params name {@value #KEYS} as the JWKS file
     * @return the WAR, named after the context path
     */
    public static WebArchive createRegistered(TestWebApp app) {
        return create(app, registeredWebXml(app));
    }

    private static WebArchive create(TestWebApp app, String webXml) {
        WebArchive war = ShrinkWrap.create(WebArchive.class,
                app.contextPath().substring(1) + ".war");
        war.addClasses(CorsHeaderFilter.class, WhoAmIServlet.class,
                TestCredentialValidator.class);
        war.addAsResource(CONFIG);
        war.addAsWebInfResource(new StringAsset(webXml), "web.xml");
        war.addAsWebInfResource(new StringAsset(ContractTable.jwks()),
                KEYS.substring("/WEB-INF/".length()));
        for (String className : LIBRARY_CLASSES) {
            war.addAsLibrary(library(className));
        }
        return war;
    }

    /**
     * Returns the {@code web.xml} of {@code app}: the CORS filter, then the jwtee filter with
     * the application's init-params, then the two servlets.
     *
     * @param app the application
     * @return the XML text
     */
    public static String webXml(TestWebApp app) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"")
                .append(" version=\"6.0\">\n");
        filter(xml, "cors", CorsHeaderFilter.class.getName(), Map.of());
        filter(xml, "jwtee", TestWebApp.FILTER_CLASS, app.initParameters());
        servlet(xml, "protected", "/protected/*");
        servlet(xml, "public", "/public/*");
        return xml.append("</web-app>\n").toString();
    }

    /**
     * Returns the {@code web.xml} of {@code app} for {@link #createRegistered}: the jwtee
     * settings as context-params, the CORS filter, the two servlets, and no jwtee filter.
     *
     * @param app the application
     * @return the XML text
     */
    public static String registeredWebXml(TestWebApp app) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"")
                .append(" version=\"6.0\">\n");
        Map<String, String> parameters = new TreeMap<>(app.initParameters());
        parameters.put("jwtee.filter.registration", "last");
        parameters.forEach((key, value) -> xml
                .append("    <context-param><param-name>").append(escape(key))
                .append("</param-name><param-value>").append(escape(value))
                .append("</param-value></context-param>\n"));
        filter(xml, "cors", CorsHeaderFilter.class.getName(), Map.of());
        servlet(xml, "protected", "/protected/*");
        servlet(xml, "public", "/public/*");
        return xml.append("</web-app>\n").toString();
    }

    private static void filter(StringBuilder xml, String name, String className,
            Map<String, String> initParameters) {
        xml.append("    <filter>\n")
                .append("        <filter-name>").append(name).append("</filter-name>\n")
                .append("        <filter-class>").append(className).append("</filter-class>\n");
        // Sorted, so that the same parameters always give the same text.
        new TreeMap<>(initParameters).forEach((key, value) -> xml
                .append("        <init-param><param-name>").append(escape(key))
                .append("</param-name><param-value>").append(escape(value))
                .append("</param-value></init-param>\n"));
        xml.append("    </filter>\n")
                .append("    <filter-mapping>\n")
                .append("        <filter-name>").append(name).append("</filter-name>\n")
                .append("        <url-pattern>/*</url-pattern>\n")
                .append("    </filter-mapping>\n");
    }

    private static void servlet(StringBuilder xml, String name, String pattern) {
        xml.append("    <servlet>\n")
                .append("        <servlet-name>").append(name).append("</servlet-name>\n")
                .append("        <servlet-class>").append(WhoAmIServlet.class.getName())
                .append("</servlet-class>\n")
                .append("    </servlet>\n")
                .append("    <servlet-mapping>\n")
                .append("        <servlet-name>").append(name).append("</servlet-name>\n")
                .append("        <url-pattern>").append(pattern).append("</url-pattern>\n")
                .append("    </servlet-mapping>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Returns the jar that {@code className} comes from. In a reactor build before packaging,
     * that is a folder of classes, which becomes a jar named after the class's package.
     */
    private static JavaArchive library(String className) {
        Path location;
        try {
            location = Path.of(Class.forName(className).getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("failed to locate the jar of " + className, e);
        }
        File file = location.toFile();
        if (file.isDirectory()) {
            String name = className.substring(0, className.lastIndexOf('.')) + ".jar";
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(file)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, file);
    }
}
