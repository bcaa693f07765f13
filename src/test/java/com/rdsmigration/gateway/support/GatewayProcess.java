package com.rdsmigration.gateway.support;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A gateway in a JVM of its own, started from the test's class path, so that a test can kill it outright
 * ({@code SIGKILL}: no shutdown hook, no graceful stop) while the upstream it talks to lives on in the test JVM.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a gateway on {@code database} whose upstream is the simulator on {@code simulatorPort}, and waits until
     * it is ready; {@code settings} add to or override the defaults. Its output goes to {@code target/<name>.log}.
     */
    public static GatewayProcess start(
            String name, JdbcConnectionDetails database, int simulatorPort, Map<String, String> settings) {
        Map<String, String> all = base(database, simulatorPort);
        all.put("rds.simulator.enabled", "false");
        // Another gateway's simulator is not this one's own: its credentials must be given, as for any endpoint.
        all.put("rds.auth.access-key-id", "simulator-ak");
        all.put("rds.auth.access-key-secret", "simulator-secret");
        all.putAll(settings);
        return launch(name, all, Map.of());
    }

    /**
     * The embedded default as a user runs it (simulator on, no rds.auth credentials), its upstream pointed at
     * {@code endpointPort} on this machine, with {@code environment} added to its environment variables.
     */
    public static GatewayProcess startEmbeddedDefault(
            String name,
            JdbcConnectionDetails database,
            int endpointPort,
            Map<String, String> settings,
            Map<String, String> environment) {
        Map<String, String> all = base(database, endpointPort);
        all.putAll(settings);
        return launch(name, all, environment);
    }

    private static Map<String, String> base(JdbcConnectionDetails database, int endpointPort) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", Integer.toString(freePort()));
        all.put("spring.datasource.url", database.getJdbcUrl());
        all.put("spring.datasource.username", database.getUsername());
        all.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        all.put("rds.endpoint", "http://127.0.0.1:" + endpointPort + "/");
        all.put("spring.jmx.enabled", "false");
        return all;
    }

    private static GatewayProcess launch(String name, Map<String, String> all, Map<String, String> environment) {
        int port = Integer.parseInt(all.get("server.port"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RdsMigrationGatewayApplication.class.getName()));
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", name + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            GatewayProcess gateway = new GatewayProcess(process, port, log);
            gateway.awaitReady();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Kills the process at once, as the kernel's OOM killer or a node failure would. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The gateway process survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends SIGTERM, as Kubernetes or {@code docker stop} do, and waits up to {@code patience} for the process to end
     * by itself (its graceful shutdown); answers whether it did.
     */
    public boolean terminate(Duration patience) {
        process.destroy();
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the process has written so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        HttpTestClient http = new HttpTestClient(port);
        try {
            Awaitility.await("the gateway process to be ready")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreException(UncheckedIOException.class) // not listening yet
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The gateway process exited during start-up:\n" + tail());
                        }
                        return http.get("/actuator/health/readiness").statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(
                    "The gateway process was not ready within " + START_TIMEOUT + ":\n" + tail(), e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
