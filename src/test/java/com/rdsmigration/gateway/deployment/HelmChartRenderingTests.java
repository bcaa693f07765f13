package com.rdsmigration.gateway.deployment;

import static com.rdsmigration.gateway.deployment.HelmChart.FULL_VALUES;
import static com.rdsmigration.gateway.deployment.HelmChart.applicationYaml;
import static com.rdsmigration.gateway.deployment.HelmChart.assertSecretReference;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import com.rdsmigration.gateway.deployment.HelmChart.Manifests;
import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the chart renders, as a platform team's reviewer reads it: linted by Helm, the resources of the default values
 * and of every option on ({@code ci/full-values.yaml}), the Grafana dashboard it ships, and the application.yaml it
 * writes from values.
 */
class HelmChartRenderingTests {

    static final String EXISTING_SECRET = "rds-migration-gateway-secrets";

    @TempDir
    Path temp;

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = HelmChart.lint();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void defaultValuesRenderADeploymentWithItsServiceSecretsAutoscalerAndDisruptionBudget() {
        Manifests defaults = HelmChart.render();

        assertThat(defaults.kinds())
                .containsExactly(
                        "ConfigMap",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "Secret",
                        "Service",
                        "ServiceAccount");
        assertThat(defaults.one("Deployment").has("spec.replicas"))
                .as("the autoscaler owns the replica count")
                .isFalse();
        assertThat(defaults.one("HorizontalPodAutoscaler").get("spec.minReplicas"))
                .isEqualTo(2);
        assertThat(defaults.one("PodDisruptionBudget").get("spec.minAvailable")).isEqualTo(1);
        assertThat(defaults.one("Service").get("spec.selector"))
                .isEqualTo(defaults.one("Deployment").get("spec.selector.matchLabels"));
        assertThat(defaults.env("SPRING_PROFILES_ACTIVE").string("value")).isEqualTo("prod");
    }

    @Test
    void fullValuesReferenceTheExistingSecretAndWireRrsaMonitoringAndNetworkPolicy() throws IOException {
        Manifests full = HelmChart.render(FULL_VALUES);

        assertThat(full.kinds())
                .containsExactly(
                        "ConfigMap",
                        "ConfigMap",
                        "Deployment",
                        "Ingress",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "Service",
                        "ServiceAccount",
                        "ServiceMonitor");
        assertSecretReference(full, "SPRING_DATASOURCE_PASSWORD", EXISTING_SECRET, "database-password", false);
        assertSecretReference(
                full,
                "GATEWAY_IDEMPOTENCY_FINGERPRINTSECRET",
                EXISTING_SECRET,
                "idempotency-fingerprint-secret",
                false);
        assertSecretReference(
                full, "GATEWAY_GUIDED_SOURCEPASSWORDKEY", EXISTING_SECRET, "guided-source-password-key", false);
        assertSecretReference(
                full, "GATEWAY_WEBHOOKS_SIGNINGSECRET", EXISTING_SECRET, "webhooks-signing-secret", false);
        assertThat(full.hasEnv("ALIBABA_CLOUD_ACCESS_KEY_ID"))
                .as("RRSA: no AccessKey at all")
                .isFalse();
        Node deployment = full.one("Deployment");
        assertThat(deployment.get("spec.replicas")).isEqualTo(3);
        assertThat(deployment.path("spec.template.metadata.labels").asMap())
                .as("ack-pod-identity-webhook injects the RRSA token into these pods")
                .containsEntry("pod-identity.alibabacloud.com/injection", "on");
        assertThat(full.one("ServiceAccount").path("metadata.annotations").asMap())
                .containsEntry("pod-identity.alibabacloud.com/role-name", "rds-migration-gateway");
        assertThat(full.container().string("image")).endsWith("@sha256:" + "0123456789abcdef".repeat(4));
        assertThat(full.one("ServiceMonitor")
                        .path("spec.endpoints")
                        .list()
                        .get(0)
                        .get("path"))
                .isEqualTo("/actuator/prometheus");
        assertThat(full.one("NetworkPolicy").get("spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        assertThat(full.one("PodDisruptionBudget").get("spec.maxUnavailable")).isEqualTo(1);
        assertThat(applicationYaml(full))
                .containsEntry("rds", Map.of("endpoint", "https://rds.cn-hangzhou.aliyuncs.com/"))
                .containsKey("spring");
    }

    @Test
    void shipsTheGrafanaDashboardForTheSidecar() {
        Node dashboard = HelmChart.render(FULL_VALUES).resources().stream()
                .map(Node::new)
                .filter(resource -> resource.string("metadata.name").endsWith("-dashboard"))
                .findFirst()
                .orElseThrow();

        assertThat(dashboard.path("metadata.labels").asMap()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.string("metadata.namespace")).isEqualTo("monitoring");
        JsonNode json = JsonMapper.shared().readTree(dashboard.data("rds-migration-gateway.json"));
        assertThat(json.path("uid").asString()).isEqualTo("rds-migration-gateway");
        assertThat(json.path("panels").size()).isGreaterThan(10);
    }

    @Test
    void simulatorModePointsTheUpstreamAtTheEmbeddedSimulator() {
        Map<String, Object> application = applicationYaml(
                HelmChart.renderWith(temp, "rds: {simulator: true, endpoint: https://rds.aliyuncs.com/}"));

        Node rds = new Node(application).path("rds");
        assertThat(rds.get("endpoint")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(rds.get("simulator.enabled")).isEqualTo(true);
    }

    @Test
    void teamsBecomeTheGatewaysTeamsBlockBesideTheOtherGatewaySettings() {
        Node gateway = new Node(applicationYaml(HelmChart.render(FULL_VALUES))).path("gateway");

        Node payments = gateway.path("teams").path("payments");
        assertThat(payments.get("instances")).isEqualTo(List.of("rm-bp1pay*", "pgm-bp1ledger01"));
        assertThat(payments.get("resourceGroups")).isEqualTo(List.of("rg-acfm2payments"));
        assertThat(payments.get("dailyTaskShare")).isEqualTo(0.3);
        assertThat(payments.get("rateLimit.burst")).isEqualTo(40);
        assertThat(gateway.get("quota.daily-task-limit"))
                .as("config's gateway keys stay")
                .isEqualTo(500);
    }
}
