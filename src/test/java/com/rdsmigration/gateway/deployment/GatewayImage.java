package com.rdsmigration.gateway.deployment;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's image as {@link ContainerImageIT} checks it, whichever way it was built: by Docker from the Dockerfile
 * ({@link DockerImage}), or by running the Dockerfile's steps without Docker ({@link DockerlessImage}). Either way the
 * image's entry point runs with the image's environment, so that one set of assertions holds for both.
 */
interface GatewayImage extends AutoCloseable {

    /** The image's own environment: its {@code ENV} lines. */
    Map<String, String> environment();

    /** The user its entry point runs as: its {@code USER} line. */
    String user();

    /** The AOT cache's file as the started JVM names it. */
    String aotCache();

    /** Starts the image with nothing set, as {@code docker run <image>} does. */
    Running startBare() throws IOException;

    /**
     * Starts the image as docker-compose.yml runs its gateway service, with that service's environment (substituted as
     * Compose does), beside a PostgreSQL the way each path has one.
     */
    Running startComposed(Map<String, String> composeEnvironment) throws IOException;

    @Override
    void close();

    /** A gateway started from the image. */
    interface Running extends AutoCloseable {

        /** Its HTTP port on 127.0.0.1; 0 when the start publishes none. */
        int port();

        boolean isAlive();

        /** Waits until it has exited; {@code false} when it still runs after {@code timeout}. */
        boolean awaitExit(Duration timeout) throws InterruptedException;

        int exitValue();

        /** Everything it wrote to standard output and error so far. */
        String log() throws IOException;

        /** The JVM's memory mappings, as in {@code /proc/<pid>/maps}. */
        String memoryMaps() throws IOException, InterruptedException;

        /** Sends SIGTERM, as Kubernetes and {@code docker stop} do. */
        void terminate();

        /** Ends what is left of it, at once. */
        @Override
        void close();
    }
}
