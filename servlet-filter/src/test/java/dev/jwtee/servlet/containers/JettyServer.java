package dev.jwtee.servlet.containers;

import dev.jwtee.servlet.JwteeInitializer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 (ee10) without the JNDI module, as a plain Jetty has it: the filter's JNDI
 * lookup finds no initial context at all.
 */
public final class JettyServer implements RunningServer {

    private static final EnumSet<DispatcherType> REQUEST = EnumSet.of(DispatcherType.REQUEST);

    private final Server server = new Server();
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();
    private final ServerConnector connector = new ServerConnector(server);

    private JettyServer() {
    }

    /**
     * Starts Jetty on 127.0.0.1 and an ephemeral port with {@code apps}.
     *
     * @param apps the web applications
     * @return the running server
     * @throws Exception if Jetty fails to start
     */
    public static JettyServer start(List<TestWebApp> apps) throws Exception {
        JettyServer jetty = new JettyServer();
        jetty.connector.setHost("127.0.0.1");
        jetty.connector.setPort(0);
        jetty.server.addConnector(jetty.connector);
        for (TestWebApp app : apps) {
            jetty.contexts.addHandler(context(app));
        }
        jetty.server.setHandler(jetty.contexts);
        jetty.server.start();
        return jetty;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean deploy(TestWebApp app) {
        ServletContextHandler context = context(app);
        contexts.addHandler(context);
        try {
            context.start();
        } catch (Exception e) {
            contexts.removeHandler(context);
            return false;
        }
        return context.isAvailable();
    }

    /**
     * Adds and starts a web application that adopts jwtee through a context-param.
     *
     * @param app the application
     * @return true if it started and serves requests, false if its start failed
     */
    public boolean deploy(RegistrationWebApp app) {
        ServletContextHandler context = new ServletContextHandler(app.contextPath(),
                ServletContextHandler.NO_SESSIONS);
        context.addServletContainerInitializer(new JwteeInitializer());
        app.contextParameters().forEach(context::setInitParameter);
        FilterHolder probe = new FilterHolder(OrderProbeFilter.class);
        probe.setAsyncSupported(true);
        context.addFilter(probe, "/*", REQUEST);
        if (app.declaresJwteeFilter()) {
            FilterHolder jwtee = new FilterHolder();
            jwtee.setName(RegistrationWebApp.DECLARED_FILTER_NAME);
            jwtee.setClassName(TestWebApp.FILTER_CLASS);
            jwtee.setAsyncSupported(true);
            context.addFilter(jwtee, "/*", REQUEST);
        }
        context.addServlet(new ServletHolder("protected", WhoAmIServlet.class), "/protected/*");
        context.addServlet(new ServletHolder("public", WhoAmIServlet.class), "/public/*");
        ServletHolder async = new ServletHolder("async", AsyncDispatchServlet.class);
        async.setAsyncSupported(true);
        context.addServlet(async, "/async/*");
        contexts.addHandler(context);
        try {
            context.start();
        } catch (Exception e) {
            contexts.removeHandler(context);
            return false;
        }
        return context.isAvailable();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static ServletContextHandler context(TestWebApp app) {
        ServletContextHandler context = new ServletContextHandler(app.contextPath(),
                ServletContextHandler.NO_SESSIONS);
        context.addServletContainerInitializer(new JwteeInitializer());
        context.addFilter(CorsHeaderFilter.class, "/*", REQUEST);
        FilterHolder jwtee = new FilterHolder();
        jwtee.setName("jwtee");
        jwtee.setClassName(TestWebApp.FILTER_CLASS);
        jwtee.setInitParameters(app.initParameters());
        context.addFilter(jwtee, "/*", REQUEST);
        context.addServlet(new ServletHolder("protected", WhoAmIServlet.class), "/protected/*");
        context.addServlet(new ServletHolder("public", WhoAmIServlet.class), "/public/*");
        return context;
    }
}
