package dev.jwtee.servlet.containers;

import java.nio.file.Path;
import java.util.List;

/** The HTTP contract on embedded Jetty 12 ee10 without JNDI. */
class JettyContractTest extends HttpContractTest {

    @Override
    protected RunningServer start(Path baseDir, List<TestWebApp> apps) throws Exception {
        return JettyServer.start(apps);
    }
}
