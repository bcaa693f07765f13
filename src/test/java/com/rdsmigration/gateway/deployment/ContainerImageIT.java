package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.deployment.Dockerfile.Stage;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * The image, built and run without Docker: after {@code package}, the Dockerfile's own steps run in directories
 * standing for its stages ({@link ImageBuild}): the layered extraction, the copies of the layers, the AOT cache's
 * training run, and the entry point with the image's {@code JAVA_TOOL_OPTIONS}, on a JDK of the runtime image's
 * version. Started with nothing set, the image (profile {@code prod} by default) must stop on its own, naming every
 * missing setting. Then the gateway starts the way {@code docker-compose.yml} runs it (profile {@code prod}, the
 * simulator as upstream, the compose file's keys and secrets, an admin key of the test's own), on the test PostgreSQL
 * instead of the compose one and on a free port instead of 8080. It must become ready, serve a team, use the AOT cache
 * and stop gracefully on SIGTERM.
 *
 * <p>A Maven integration test ({@code *IT}, run by Failsafe in {@code verify}), because it needs the packaged jar.
 */
class ContainerImageIT {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path ROOT = PROJECT.resolve("target/container-image");
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Pattern COMPOSE_DEFAULT = Pattern.compile("\\$\\{\\w+:-([^}]*)}");
    static final Pattern COMPOSE_REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");

    /** What each missing setting of a bare prod start names, among other things. */
    static final List<String> PROD_SETTINGS = List.of(
            "spring.datasource.url",
            "gateway.security.api-keys",
            "gateway.webhooks.signing-secret",
            "gateway.idempotency.fingerprint-secret",
            "ALIBABA_CLOUD_ACCESS_KEY_ID");

    @Test
    void theDockerfilesStepsBuildAnImageThatStartsHealthyInProdAndStopsGracefully() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        Dockerfile dockerfile = Dockerfile.read(PROJECT.resolve("Dockerfile"));
        Stage runtime = dockerfile.stage("runtime");
        ImageBuild image = new ImageBuild(ROOT, Jdks.forImage(runtime.image()), PROJECT);

        image.run(dockerfile.stage("build"));
        image.run(runtime);

        assertLayers(ROOT.resolve("build/workspace/extracted"));
        assertThat(image.user())
                .as("the numeric user the chart's runAsUser names")
                .isEqualTo("10001:10001");
        assertThat(image.workdir().resolve("application.aot"))
                .as("the training run's AOT cache")
                .isNotEmptyFile();
        assertThat(image.skipped())
                .as("only the sources, the package step and the OS user are not run here")
                .isNotEmpty()
                .allMatch(
                        step -> step.startsWith("COPY ") || step.contains("./mvnw") || step.startsWith("RUN groupadd"));

        assertThat(image.environment())
                .as("the image starts in prod unless told otherwise")
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        Process bare = start(image, Map.of(), "bare.log");
        try {
            assertThat(bare.waitFor(90, TimeUnit.SECONDS))
                    .as("the image started with nothing set stops on its own")
                    .isTrue();
            assertThat(bare.exitValue()).isNotZero();
            assertThat(Files.readString(ROOT.resolve("bare.log")))
                    .as("one report names every missing setting")
                    .contains("APPLICATION FAILED TO START")
                    .contains(
                            PROD_SETTINGS.stream().map(name -> "'" + name + "'").toList())
                    .doesNotContain("Tomcat started");
        } finally {
            bare.destroyForcibly();
        }

        int port = freePort();
        String adminKey = "trial-admin-" + UUID.randomUUID();
        Map<String, String> settings = composeEnvironment(port, Map.of("GATEWAY_ADMIN_KEY_SHA256", sha256(adminKey)));
        Process gateway = start(image, settings, "gateway.log");
        try {
            awaitReady(gateway, port);
            HttpTestClient http = new HttpTestClient(port);
            assertThat(HttpTestClient.json(http.get("/actuator/health/liveness"))
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
            GatewayApi team = new GatewayApi(port, "local-team-a-key");
            assertThat(team.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                    .as("a signed call through the simulator, recorded in PostgreSQL")
                    .isEqualTo(201);
            assertThat(team.as(GatewayApi.TEAM_A).get("/api/v1/imports").statusCode())
                    .as("prod refuses the public demo keys")
                    .isEqualTo(401);
            assertThat(team.as(GatewayApi.ADMIN).get("/api/v1/imports").statusCode())
                    .as("and the demo admin key")
                    .isEqualTo(401);
            HttpResponse<String> quota = team.as(adminKey).get("/api/v1/quota");
            assertThat(HttpTestClient.json(quota).path("today").isObject())
                    .as("the admin key is the one given to compose, and sees the account's usage: %s", quota.body())
                    .isTrue();
            assertThat(Files.readString(Path.of("/proc", Long.toString(gateway.pid()), "maps")))
                    .as("the JVM mapped the AOT cache")
                    .contains(image.workdir().resolve("application.aot").toString());

            gateway.destroy(); // SIGTERM, as Kubernetes and `docker stop` send it
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within the grace period")
                    .isTrue();
            assertThat(Files.readString(ROOT.resolve("gateway.log"))).contains("Graceful shutdown complete");
        } finally {
            gateway.destroyForcibly();
        }
    }

    private static Process start(ImageBuild image, Map<String, String> settings, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(image.command())
                .directory(image.workdir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve(log).toFile());
        builder.environment().clear();
        builder.environment().putAll(image.processEnvironment(settings));
        return builder.start();
    }

    /**
     * The gateway service's environment in docker-compose.yml, with its database and port swapped for the test's, the
     * defaults of {@code ${NAME:-default}} taken and the variables compose requires ({@code ${NAME:?why}}) given.
     */
    private static Map<String, String> composeEnvironment(int port, Map<String, String> required) throws IOException {
        Map<String, Object> compose =
                HelmChart.Node.map(new Yaml().load(Files.readString(PROJECT.resolve("docker-compose.yml"))));
        assertThat(new HelmChart.Node(compose).get("services.gateway.ports"))
                .as("published on the loopback interface only")
                .isEqualTo(List.of("127.0.0.1:${GATEWAY_PORT:-8080}:8080"));
        Map<String, Object> environment =
                new HelmChart.Node(compose).path("services.gateway.environment").asMap();
        Map<String, String> settings = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            String withDefaults = COMPOSE_DEFAULT
                    .matcher(String.valueOf(value))
                    .replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
            String given = COMPOSE_REQUIRED
                    .matcher(withDefaults)
                    .replaceAll(match -> Matcher.quoteReplacement(Objects.requireNonNull(
                            required.get(match.group(1)), "compose requires " + match.group(1))));
            settings.put(name, given.replace("127.0.0.1:8080", "127.0.0.1:" + port));
        });
        assertThat(environment.get("GATEWAY_SECURITY_APIKEYS_2_KEYSHA256"))
                .as("no admin key of its own: the admin's hash comes from the environment")
                .asString()
                .startsWith("${GATEWAY_ADMIN_KEY_SHA256:?");
        JdbcConnectionDetails database = TestDatabase.newSchema();
        settings.put("SPRING_DATASOURCE_URL", database.getJdbcUrl());
        settings.put("SPRING_DATASOURCE_USERNAME", database.getUsername());
        settings.put("SPRING_DATASOURCE_PASSWORD", database.getPassword() == null ? "" : database.getPassword());
        settings.put("SERVER_PORT", Integer.toString(port));
        assertThat(settings).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        return settings;
    }

    private static void assertLayers(Path extracted) throws IOException {
        assertThat(extracted.resolve("dependencies/lib")).isDirectory();
        assertThat(extracted.resolve("spring-boot-loader")).isDirectory();
        assertThat(extracted.resolve("snapshot-dependencies")).isDirectory();
        try (Stream<Path> application = Files.list(extracted.resolve("application"))) {
            assertThat(application.map(path -> path.getFileName().toString()))
                    .as("the last layer: the application's own classes only")
                    .containsExactly("application.jar");
        }
    }

    private static void awaitReady(Process gateway, int port) {
        HttpTestClient http = new HttpTestClient(port);
        Awaitility.await("the gateway of the image to be ready")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("The gateway exited during start-up:\n" + tail());
                    }
                    return http.get("/actuator/health/readiness").statusCode() == 200;
                });
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("gateway.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
