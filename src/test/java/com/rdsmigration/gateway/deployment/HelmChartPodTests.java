package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's pod as the kubelet runs it, with the default values and with every option on: probes on the actuator's
 * health groups, memory requested as it is limited with the heap sized from the limit, and a termination grace period
 * that covers the preStop pause and the application's own graceful shutdown.
 */
class HelmChartPodTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"defaults", "full values"})
    void probesAskTheActuatorHealthGroupsOnTheHttpPort(String values) {
        Node container = HelmChart.renderExample(values).container();

        assertThat(container.path("ports").list()).singleElement().satisfies(port -> {
            assertThat(port.get("name")).isEqualTo("http");
            assertThat(port.get("containerPort")).isEqualTo(8080);
        });
        assertThat(container.string("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.string("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.get(probe + ".httpGet.port")).as(probe).isEqualTo("http");
            assertThat((Integer) container.get(probe + ".timeoutSeconds"))
                    .as(probe)
                    .isPositive();
        }
        int startupSeconds = (Integer) container.get("startupProbe.periodSeconds")
                * (Integer) container.get("startupProbe.failureThreshold");
        assertThat(startupSeconds).as("room for start-up and Flyway migrations").isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"defaults", "full values"})
    void requestsAndLimitsMemoryAndSizesTheHeapFromTheLimit(String values) {
        Node container = HelmChart.renderExample(values).container();

        assertThat(container.has("resources.requests.cpu")).isTrue();
        assertThat(container.get("resources.requests.memory"))
                .as("memory request equals limit: the heap is sized from the limit")
                .isEqualTo(container.get("resources.limits.memory"));
        assertThat(HelmChart.renderExample(values).env("JAVA_TOOL_OPTIONS").string("value"))
                .contains("-XX:MaxRAMPercentage=75");
    }

    @Test
    void terminationGraceCoversThePreStopPauseAndTheApplicationsGracefulShutdown() throws IOException {
        Node pod = HelmChart.render().one("Deployment").path("spec.template.spec");
        Node container = new Node(pod.path("containers").list().get(0).value());

        List<?> preStop = (List<?>) container.get("lifecycle.preStop.exec.command");
        assertThat(preStop.get(0)).isEqualTo("sleep");
        long pause = Long.parseLong((String) preStop.get(1));
        Duration shutdownPhase =
                DurationStyle.detectAndParse(applicationSetting("spring", "lifecycle", "timeout-per-shutdown-phase"));
        assertThat(pause).as("endpoints drop the pod before it stops").isPositive();
        assertThat(((Integer) pod.get("terminationGracePeriodSeconds")).longValue())
                .isGreaterThan(pause + shutdownPhase.toSeconds());
        assertThat(applicationSetting("server", "shutdown")).isEqualTo("graceful");
    }

    /** A setting of the first document (no profile) of the application's own application.yaml. */
    private static String applicationSetting(String... path) throws IOException {
        Object current = new Yaml()
                .loadAll(Files.readString(Path.of("src/main/resources/application.yaml")))
                .iterator()
                .next();
        for (String key : path) {
            current = Node.map(current).get(key);
        }
        return String.valueOf(current);
    }
}
