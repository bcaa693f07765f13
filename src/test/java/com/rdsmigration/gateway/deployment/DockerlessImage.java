package com.rdsmigration.gateway.deployment;

import com.rdsmigration.gateway.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The image built without Docker ({@link ImageBuild}, after {@code package}): its entry point runs as a process of this
 * machine in the runtime stage's directory, with a clean environment plus the image's, on a JDK of the runtime image's
 * version ({@link Jdks}). Started as compose runs it, the gateway uses a schema of its own on the test PostgreSQL
 * instead of compose's database, and a free port instead of 8080.
 */
final class DockerlessImage implements GatewayImage {

    private final ImageBuild image;
    private final Path root;

    DockerlessImage(ImageBuild image, Path root) {
        this.image = image;
        this.root = root;
    }

    @Override
    public Map<String, String> environment() {
        return image.environment();
    }

    @Override
    public String user() {
        return image.user();
    }

    @Override
    public String aotCache() {
        return image.workdir().resolve("application.aot").toString();
    }

    @Override
    public Running startBare() throws IOException {
        return start(Map.of(), "bare.log", 0);
    }

    @Override
    public Running startComposed(Map<String, String> composeEnvironment) throws IOException {
        int port = freePort();
        Map<String, String> settings = new LinkedHashMap<>();
        composeEnvironment.forEach(
                (name, value) -> settings.put(name, value.replace("127.0.0.1:8080", "127.0.0.1:" + port)));
        JdbcConnectionDetails database = TestDatabase.newSchema();
        settings.put("SPRING_DATASOURCE_URL", database.getJdbcUrl());
        settings.put("SPRING_DATASOURCE_USERNAME", database.getUsername());
        settings.put("SPRING_DATASOURCE_PASSWORD", database.getPassword() == null ? "" : database.getPassword());
        settings.put("SERVER_PORT", Integer.toString(port));
        return start(settings, "gateway.log", port);
    }

    @Override
    public void close() {
        // Nothing runs once the started gateways are closed; target/container-image stays for a look after a failure.
    }

    private Running start(Map<String, String> settings, String log, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(image.command())
                .directory(image.workdir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(log).toFile());
        builder.environment().clear();
        builder.environment().putAll(image.processEnvironment(settings));
        return new Started(builder.start(), root.resolve(log), port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The entry point's process, writing to its log file. */
    private record Started(Process process, Path logFile, int port) implements Running {

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public boolean awaitExit(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int exitValue() {
            return process.exitValue();
        }

        @Override
        public String log() throws IOException {
            return Files.readString(logFile);
        }

        @Override
        public String memoryMaps() throws IOException {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"));
        }

        @Override
        public void terminate() {
            process.destroy();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
