package dev.jwtee.servlet.containers;

import java.nio.file.Path;
import java.util.List;

/** The HTTP contract on embedded Tomcat 10.1 with naming enabled. */
class TomcatContractTest extends HttpContractTest {

    @Override
    protected RunningServer start(Path baseDir, List<TestWebApp> apps) throws Exception {
        return TomcatServer.start(baseDir, TomcatContractTest.class.getClassLoader(), apps);
    }
}
