package dev.jwtee.servlet.containers;

import java.nio.file.Path;
import java.util.List;

/** The registered filter on embedded Jetty 12 (ee10). */
class JettyFilterRegistrationTest extends FilterRegistrationTest {

    private JettyServer server;

    @Override
    protected int start(Path baseDir) throws Exception {
        server = JettyServer.start(List.of());
        return server.port();
    }

    @Override
    protected boolean deploy(RegistrationWebApp app) {
        return server.deploy(app);
    }

    @Override
    protected void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
