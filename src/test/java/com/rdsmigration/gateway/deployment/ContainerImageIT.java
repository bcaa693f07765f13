package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.deployment.Dockerfile.Stage;
import com.rdsmigration.gateway.deployment.GatewayImage.Running;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.testcontainers.DockerClientFactory;

/**
 * The image, built from the Dockerfile and started as it is run. Started with nothing set, the image (profile
 * {@code prod} by default) must stop on its own, naming every missing setting. Started the way
 * {@code docker-compose.yml} runs it (profile {@code prod}, the simulator as upstream, the compose file's keys and
 * secrets, an admin key of the test's own), it must become ready, serve a team and the admin, use the AOT cache and
 * stop gracefully on SIGTERM.
 *
 * <p>Two ways to the image, with the same assertions on it:
 *
 * <ul>
 *   <li>where Docker is available (Testcontainers' check), Docker builds the image from the Dockerfile and runs it as
 *       containers, the compose start beside a PostgreSQL container standing for compose's ({@link DockerImage});
 *   <li>elsewhere, after {@code package}, the Dockerfile's own steps run without Docker in directories standing for its
 *       stages ({@link ImageBuild}) and the entry point runs on a JDK of the runtime image's version, the compose start on
 *       the test PostgreSQL and a free port instead of compose's database and port 8080 ({@link DockerlessImage}).
 * </ul>
 *
 * <p>A Maven integration test ({@code *IT}, run by Failsafe in {@code verify}), because the path without Docker needs
 * the packaged jar.
 */
class ContainerImageIT {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path ROOT = PROJECT.resolve("target/container-image");
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** What each missing setting of a bare prod start names, among other things. */
    static final List<String> PROD_SETTINGS = List.of(
            "spring.datasource.url",
            "gateway.security.api-keys",
            "gateway.webhooks.signing-secret",
            "gateway.idempotency.fingerprint-secret",
            "gateway.guided.source-password-key",
            "ALIBABA_CLOUD_ACCESS_KEY_ID");

    @Test
    void theDockerfilesStepsBuildAnImageThatStartsHealthyInProdAndStopsGracefully() throws Exception {
        ComposeFile compose = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));
        try (GatewayImage image = DockerClientFactory.instance().isDockerAvailable()
                ? DockerImage.build(PROJECT, compose)
                : buildWithoutDocker()) {
            assertThat(image.user())
                    .as("the numeric user the chart's runAsUser names")
                    .isEqualTo("10001:10001");
            assertThat(image.environment())
                    .as("the image starts in prod unless told otherwise")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "prod");

            try (Running bare = image.startBare()) {
                assertThat(bare.awaitExit(Duration.ofSeconds(90)))
                        .as("the image started with nothing set stops on its own")
                        .isTrue();
                assertThat(bare.exitValue()).isNotZero();
                assertThat(bare.log())
                        .as("one report names every missing setting")
                        .contains("APPLICATION FAILED TO START")
                        .contains(PROD_SETTINGS.stream()
                                .map(name -> "'" + name + "'")
                                .toList())
                        .doesNotContain("Tomcat started");
            }

            String adminKey = "trial-admin-" + UUID.randomUUID();
            try (Running gateway = image.startComposed(composeEnvironment(compose, adminKey))) {
                awaitReady(gateway);
                HttpTestClient http = new HttpTestClient(gateway.port());
                assertThat(HttpTestClient.json(http.get("/actuator/health/liveness"))
                                .path("status")
                                .asString())
                        .isEqualTo("UP");
                GatewayApi team = new GatewayApi(gateway.port(), "local-team-a-key");
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
                assertThat(gateway.memoryMaps())
                        .as("the JVM mapped the AOT cache")
                        .contains(image.aotCache());

                gateway.terminate(); // SIGTERM, as Kubernetes and `docker stop` send it
                assertThat(gateway.awaitExit(Duration.ofSeconds(60)))
                        .as("stopped within the grace period")
                        .isTrue();
                assertThat(gateway.log()).contains("Graceful shutdown complete");
            }
        }
    }

    /**
     * The path without Docker: the Dockerfile's steps run here, checked where Docker would do the work (the layers, the
     * AOT cache's training run, what is skipped on purpose). It needs a JDK of the runtime image's version.
     */
    private static GatewayImage buildWithoutDocker() throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        Dockerfile dockerfile = Dockerfile.read(PROJECT.resolve("Dockerfile"));
        Stage runtime = dockerfile.stage("runtime");
        ImageBuild image = new ImageBuild(ROOT, Jdks.forImage(runtime.image()), PROJECT);

        image.run(dockerfile.stage("build"));
        image.run(runtime);

        assertLayers(ROOT.resolve("build/workspace/extracted"));
        assertThat(image.workdir().resolve("application.aot"))
                .as("the training run's AOT cache")
                .isNotEmptyFile();
        assertThat(image.skipped())
                .as("only the sources, the package step and the OS user are not run here")
                .isNotEmpty()
                .allMatch(
                        step -> step.startsWith("COPY ") || step.contains("./mvnw") || step.startsWith("RUN groupadd"));
        return new DockerlessImage(image, ROOT);
    }

    /**
     * The gateway service's environment in docker-compose.yml, the defaults of {@code ${NAME:-default}} taken and the
     * variables compose requires ({@code ${NAME:?why}}) given: the admin key's hash.
     */
    private static Map<String, String> composeEnvironment(ComposeFile compose, String adminKey)
            throws NoSuchAlgorithmException {
        assertThat(compose.service("gateway").get("ports"))
                .as("published on the loopback interface only")
                .isEqualTo(List.of("127.0.0.1:${GATEWAY_PORT:-8080}:8080"));
        assertThat(compose.rawEnvironment("gateway").get("GATEWAY_SECURITY_APIKEYS_2_KEYSHA256"))
                .as("no admin key of its own: the admin's hash comes from the environment")
                .asString()
                .startsWith("${GATEWAY_ADMIN_KEY_SHA256:?");
        Map<String, String> settings =
                compose.environment("gateway", Map.of("GATEWAY_ADMIN_KEY_SHA256", sha256(adminKey)));
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

    private static void awaitReady(Running gateway) {
        HttpTestClient http = new HttpTestClient(gateway.port());
        Awaitility.await("the gateway of the image to be ready")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("The gateway exited during start-up:\n" + tail(gateway));
                    }
                    return http.get("/actuator/health/readiness").statusCode() == 200;
                });
    }

    private static String tail(Running gateway) throws IOException {
        List<String> lines = gateway.log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
