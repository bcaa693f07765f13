package com.rdsmigration.gateway.deployment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The image built by Docker from the project's Dockerfile and build context (Testcontainers' {@link
 * ImageFromDockerfile}), and run as containers: bare, and as docker-compose.yml runs it, with compose's environment,
 * read-only root file system, tmpfs and memory limit, beside a PostgreSQL container made from compose's
 * {@value #DATABASE_SERVICE} service and reachable under that name on a network of their own.
 *
 * <p>Testcontainers builds through the Docker Engine API, whose builder is the classic one, not BuildKit
 * (https://github.com/testcontainers/testcontainers-java/issues/2857), and the classic builder refuses {@code RUN --mount}. The Dockerfile handed to it is
 * therefore the project's with its {@code --mount} flags taken out: the one there is keeps Maven's downloads between
 * builds, so the image is the same, only built more slowly. The build context is what .dockerignore lets in, as for
 * {@code docker build}.
 *
 * <p>The test reaches the gateway on 127.0.0.1, so the Docker engine must publish container ports on this machine (a
 * local engine or Docker Desktop). This path was written on a machine without Docker: it has been compiled there, never
 * run.
 */
final class DockerImage implements GatewayImage {

    /** The port the gateway listens on inside its container; compose publishes it. */
    static final int PORT = 8080;

    static final String DATABASE_SERVICE = "postgres";

    private final String name;
    private final ContainerConfig config;
    private final ComposeFile compose;
    private Network network;
    private PostgreSQLContainer database;

    private DockerImage(String name, ContainerConfig config, ComposeFile compose) {
        this.name = name;
        this.config = config;
        this.compose = compose;
    }

    static DockerImage build(Path project, ComposeFile compose) throws IOException {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        if (!List.of("localhost", "127.0.0.1").contains(host)) {
            throw new IllegalStateException("ContainerImageIT reaches the gateway on 127.0.0.1, and Docker publishes"
                    + " container ports on " + host + ": run it with a local Docker engine");
        }
        ImageFromDockerfile image = new ImageFromDockerfile("rds-migration-gateway-container-image-it", true)
                .withFileFromString("Dockerfile", withoutMountFlags(project.resolve("Dockerfile")));
        for (String path : buildContext(project.resolve(".dockerignore"))) {
            image.withFileFromPath(path, project.resolve(path));
        }
        String name = image.get();
        DockerClient docker = DockerClientFactory.instance().client();
        return new DockerImage(name, docker.inspectImageCmd(name).exec().getConfig(), compose);
    }

    /** The Dockerfile without {@code RUN --mount=...} flags, which the classic builder does not know. */
    static String withoutMountFlags(Path dockerfile) throws IOException {
        return Files.readString(dockerfile).replaceAll("--mount=\\S+\\s+", "");
    }

    /** The paths .dockerignore lets into the build context; it is written as {@code *} and then {@code !path} lines. */
    static List<String> buildContext(Path dockerignore) throws IOException {
        List<String> patterns = Files.readAllLines(dockerignore).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> included = patterns.subList(Math.min(1, patterns.size()), patterns.size());
        if (patterns.isEmpty()
                || !patterns.get(0).equals("*")
                || !included.stream().allMatch(p -> p.startsWith("!"))) {
            throw new IllegalStateException(".dockerignore is no longer '*' and then '!path' lines: DockerImage needs"
                    + " to learn its new form to send Docker the same build context");
        }
        return included.stream()
                .map(p -> p.substring(1).replaceFirst("/+$", ""))
                .toList();
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : config.getEnv()) {
            String[] nameAndValue = variable.split("=", 2);
            environment.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        return environment;
    }

    @Override
    public String user() {
        return config.getUser();
    }

    @Override
    public String aotCache() {
        String cache = Arrays.stream(config.getEntrypoint())
                .filter(argument -> argument.startsWith("-XX:AOTCache="))
                .map(argument -> argument.substring("-XX:AOTCache=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no -XX:AOTCache in the entry point"));
        return cache.startsWith("/") ? cache : config.getWorkingDir() + "/" + cache;
    }

    @Override
    public Running startBare() {
        GenericContainer<?> container = container();
        container.start();
        return new Started(container, 0);
    }

    @Override
    public Running startComposed(Map<String, String> composeEnvironment) {
        startDatabase();
        Node service = compose.service("gateway");
        GenericContainer<?> container = container()
                .withNetwork(network)
                .withEnv(composeEnvironment)
                .withExposedPorts(PORT)
                .withCreateContainerCmdModifier(
                        create -> create.withHostConfig(limits(create.getHostConfig(), service)));
        container.start();
        return new Started(container, container.getMappedPort(PORT));
    }

    @Override
    public void close() {
        if (database != null) {
            database.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    private GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse(name))
                .withStartupCheckStrategy(new Created())
                .waitingFor(new NoWait());
    }

    private void startDatabase() {
        Map<String, String> environment = compose.environment(DATABASE_SERVICE, Map.of());
        network = Network.newNetwork();
        database = new PostgreSQLContainer(compose.service(DATABASE_SERVICE).string("image"))
                .withDatabaseName(environment.get("POSTGRES_DB"))
                .withUsername(environment.get("POSTGRES_USER"))
                .withPassword(environment.get("POSTGRES_PASSWORD"))
                .withNetwork(network)
                .withNetworkAliases(DATABASE_SERVICE);
        database.start();
    }

    /** Compose's limits on the service's container: read-only root file system, tmpfs mounts, memory. */
    private static HostConfig limits(HostConfig given, Node service) {
        HostConfig host = given != null ? given : HostConfig.newHostConfig();
        if (service.has("read_only")) {
            host.withReadonlyRootfs(Boolean.TRUE.equals(service.get("read_only")));
        }
        if (service.has("tmpfs")) {
            Map<String, String> tmpfs = new LinkedHashMap<>();
            service.path("tmpfs").list().forEach(mount -> tmpfs.put(String.valueOf(mount.value()), ""));
            host.withTmpFs(tmpfs);
        }
        if (service.has("mem_limit")) {
            host.withMemory(bytes(service.string("mem_limit")));
        }
        return host;
    }

    /** A compose size such as {@code 1g} or {@code 512m}, in bytes. */
    static long bytes(String size) {
        String lower = size.strip().toLowerCase(Locale.ROOT).replaceFirst("b$", "");
        int shift = switch (lower.charAt(lower.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String number = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        return Long.parseLong(number) << shift;
    }

    /** Started is enough: the bare image stops at once, and the test waits for the composed one to be ready. */
    private static final class Created extends StartupCheckStrategy {

        @Override
        public StartupStatus checkStartupState(DockerClient client, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }

    private static final class NoWait extends AbstractWaitStrategy {

        @Override
        protected void waitUntilReady() {
            // the test polls the readiness group itself, as it does without Docker
        }
    }

    /** A container of the image; its entry point's JVM is the container's first process. */
    private record Started(GenericContainer<?> container, int port) implements Running {

        @Override
        public boolean isAlive() {
            return container.isRunning();
        }

        @Override
        public boolean awaitExit(Duration timeout) {
            try {
                Awaitility.await("the container to exit")
                        .atMost(timeout)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> !Boolean.TRUE.equals(state().getRunning()));
                return true;
            } catch (ConditionTimeoutException e) {
                return false;
            }
        }

        @Override
        public int exitValue() {
            return state().getExitCodeLong().intValue();
        }

        @Override
        public String log() {
            return container.getLogs();
        }

        @Override
        public String memoryMaps() throws IOException, InterruptedException {
            ExecResult maps = container.execInContainer("cat", "/proc/1/maps");
            if (maps.getExitCode() != 0) {
                throw new IllegalStateException("cat /proc/1/maps in the container failed: " + maps.getStderr());
            }
            return maps.getStdout();
        }

        @Override
        public void terminate() {
            DockerClientFactory.instance()
                    .client()
                    .killContainerCmd(container.getContainerId())
                    .withSignal("SIGTERM")
                    .exec();
        }

        @Override
        public void close() {
            container.stop();
        }

        private ContainerState state() {
            return DockerClientFactory.instance()
                    .client()
                    .inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState();
        }
    }
}
