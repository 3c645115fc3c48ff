package dev.jwtee.servlet.containers;

/** A started servlet container that listens on 127.0.0.1 only. */
public interface RunningServer extends AutoCloseable {

    /**
     * Returns the port the container bound on 127.0.0.1.
     *
     * @return the port
     */
    int port();

    /**
     * Adds and starts one more web application in the running container.
     *
     * @param app the application
     * @return true if it started and serves requests, false if its start failed
     */
    boolean deploy(TestWebApp app);

    /** Stops the container. */
    @Override
    void close() throws Exception;
}
