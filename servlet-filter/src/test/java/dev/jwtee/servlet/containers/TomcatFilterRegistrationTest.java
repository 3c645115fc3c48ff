package dev.jwtee.servlet.containers;

import java.nio.file.Path;
import java.util.List;

/** The registered filter on embedded Tomcat 10.1 with naming enabled. */
class TomcatFilterRegistrationTest extends FilterRegistrationTest {

    private TomcatServer server;

    @Override
    protected int start(Path baseDir) throws Exception {
        server = TomcatServer.start(baseDir, TomcatFilterRegistrationTest.class.getClassLoader(),
                List.of());
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
