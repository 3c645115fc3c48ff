package dev.jwtee.servlet.containers;

import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat with naming enabled, as a standalone Tomcat has it, so that the filter's
 * JNDI lookup meets a real {@code java:comp/env} without a persistence unit in it. The naming
 * system properties that this sets are restored on {@link #close()}.
 */
public final class TomcatServer implements RunningServer {

    private static final List<String> NAMING_PROPERTIES = List.of("catalina.useNaming",
            javax.naming.Context.INITIAL_CONTEXT_FACTORY, javax.naming.Context.URL_PKG_PREFIXES);

    private final Tomcat tomcat;
    private final Path baseDir;
    private final ClassLoader parentLoader;
    private final Map<String, String> savedProperties = new HashMap<>();

    private TomcatServer(Path baseDir, ClassLoader parentLoader) {
        this.tomcat = new Tomcat();
        this.baseDir = baseDir;
        this.parentLoader = parentLoader;
    }

    /**
     * Starts Tomcat on 127.0.0.1 and an ephemeral port with {@code apps}.
     *
     * @param baseDir an empty folder for Tomcat's files
     * @param parentLoader the parent of every web application's class loader, which loads the
     *     jwtee classes
     * @param apps the web applications
     * @return the running server
     * @throws LifecycleException if Tomcat fails to start
     */
    public static TomcatServer start(Path baseDir, ClassLoader parentLoader,
            List<TestWebApp> apps) throws LifecycleException {
        TomcatServer server = new TomcatServer(baseDir, parentLoader);
        server.saveNamingProperties();
        Tomcat tomcat = server.tomcat;
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.enableNaming();
        for (TestWebApp app : apps) {
            server.addContext(app);
        }
        tomcat.start();
        return server;
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public boolean deploy(TestWebApp app) {
        return addContext(app).getState().isAvailable();
    }

    /**
     * Adds and starts a web application that adopts jwtee through a context-param.
     *
     * @param app the application
     * @return true if it started and serves requests, false if its start failed
     */
    public boolean deploy(RegistrationWebApp app) {
        Context context = newContext(app.contextPath());
        app.contextParameters().forEach(context::addParameter);
        addFilter(context, "probe", OrderProbeFilter.class.getName(), Map.of());
        if (app.declaresJwteeFilter()) {
            addFilter(context, RegistrationWebApp.DECLARED_FILTER_NAME, TestWebApp.FILTER_CLASS,
                    Map.of());
        }
        for (FilterDef definition : context.findFilterDefs()) {
            definition.setAsyncSupported("true");
        }
        Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
        context.addServletMappingDecoded("/", "default");
        Tomcat.addServlet(context, "protected", WhoAmIServlet.class.getName());
        context.addServletMappingDecoded("/protected/*", "protected");
        Tomcat.addServlet(context, "public", WhoAmIServlet.class.getName());
        context.addServletMappingDecoded("/public/*", "public");
        Tomcat.addServlet(context, "async", AsyncDispatchServlet.class.getName())
                .setAsyncSupported(true);
        context.addServletMappingDecoded("/async/*", "async");
        tomcat.getHost().addChild(context);
        return context.getState().isAvailable();
    }

    @Override
    public void close() throws LifecycleException {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            restoreNamingProperties();
        }
    }

    /** Adds a context; Tomcat starts it at once when the server runs already. */
    private Context addContext(TestWebApp app) {
        Path docBase = baseDir.resolve("docs" + app.contextPath().replace('/', '-'));
        try {
            Files.createDirectories(docBase);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + docBase, e);
        }
        Context context = new StandardContext();
        context.setPath(app.contextPath());
        context.setDocBase(docBase.toString());
        context.setParentClassLoader(parentLoader);
        context.addLifecycleListener(new Tomcat.FixContextListener());
        context.addServletContainerInitializer(initializer(), null);
        addFilter(context, "cors", CorsHeaderFilter.class.getName(), Map.of());
        addFilter(context, "jwtee", TestWebApp.FILTER_CLASS, app.initParameters());
        // conf/web.xml of a standalone Tomcat maps the default servlet to /. Without a servlet
        // for a path, Tomcat returns 404 before any filter runs.
        Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
        context.addServletMappingDecoded("/", "default");
        Tomcat.addServlet(context, "protected", WhoAmIServlet.class.getName());
        context.addServletMappingDecoded("/protected/*", "protected");
        Tomcat.addServlet(context, "public", WhoAmIServlet.class.getName());
        context.addServletMappingDecoded("/public/*", "public");
        tomcat.getHost().addChild(context);
        return context;
    }

    /**
     * Creates a context as {@link #addContext} does: its folder, the web application loader and
     * the jwtee initializer.
     */
    private Context newContext(String contextPath) {
        Path docBase = baseDir.resolve("docs" + contextPath.replace('/', '-'));
        try {
            Files.createDirectories(docBase);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + docBase, e);
        }
        Context context = new StandardContext();
        context.setPath(contextPath);
        context.setDocBase(docBase.toString());
        context.setParentClassLoader(parentLoader);
        context.addLifecycleListener(new Tomcat.FixContextListener());
        context.addServletContainerInitializer(initializer(), null);
        return context;
    }

    private ServletContainerInitializer initializer() {
        try {
            return (ServletContainerInitializer) Class.forName(TestWebApp.INITIALIZER_CLASS,
                    true, parentLoader).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the jwtee initializer", e);
        }
    }

    private static void addFilter(Context context, String name,
            String className, Map<String, String> initParameters) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilterClass(className);
        initParameters.forEach(definition::addInitParameter);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    private void saveNamingProperties() {
        for (String name : NAMING_PROPERTIES) {
            savedProperties.put(name, System.getProperty(name));
        }
    }

    private void restoreNamingProperties() {
        for (String name : NAMING_PROPERTIES) {
            String value = savedProperties.get(name);
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        }
    }
}
