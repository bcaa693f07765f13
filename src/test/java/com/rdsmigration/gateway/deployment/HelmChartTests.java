package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import com.rdsmigration.gateway.deployment.HelmChart.Manifests;
import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Helm chart as a platform team's reviewer reads it: rendered by Helm with the default values and with every
 * option on ({@code ci/full-values.yaml}), linted, and its schema refusing values that would deploy something broken.
 */
class HelmChartTests {

    static final Path FULL_VALUES = HelmChart.DIRECTORY.resolve("ci/full-values.yaml");
    static final String EXISTING_SECRET = "rds-migration-gateway-secrets";
    static final Pattern VALUES_KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_]+):.*$");

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"defaults", "full values"})
    void probesAskTheActuatorHealthGroupsOnTheHttpPort(String values) {
        Node container = render(values).container();

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
    void runsAsTheImagesNonRootUserOnAReadOnlyRootWithAWritableTmp(String values) {
        Manifests manifests = render(values);
        Node pod = manifests.one("Deployment").path("spec.template.spec");
        Node container = manifests.container();

        assertThat(pod.get("securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(pod.get("securityContext.runAsUser"))
                .as("the Dockerfile's user")
                .isEqualTo(10001);
        assertThat(pod.get("securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(container.get("securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(container.get("securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(container.get("securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
        assertThat(container.path("volumeMounts").list())
                .anySatisfy(mount ->
                        assertThat(mount.asMap()).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
        assertThat(pod.path("volumes").list()).anySatisfy(volume -> {
            assertThat(volume.get("name")).isEqualTo("tmp");
            assertThat(volume.has("emptyDir")).isTrue();
        });
        assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"defaults", "full values"})
    void requestsAndLimitsMemoryAndSizesTheHeapFromTheLimit(String values) {
        Node container = render(values).container();

        assertThat(container.has("resources.requests.cpu")).isTrue();
        assertThat(container.get("resources.requests.memory"))
                .as("memory request equals limit: the heap is sized from the limit")
                .isEqualTo(container.get("resources.limits.memory"));
        assertThat(render(values).env("JAVA_TOOL_OPTIONS").string("value")).contains("-XX:MaxRAMPercentage=75");
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

    @Test
    void secretsComeFromTheChartsSecretAndNeverAsPlainValues() {
        Manifests defaults = HelmChart.render();

        assertSecretReference(defaults, "SPRING_DATASOURCE_PASSWORD", HelmChart.FULL_NAME, "database-password", false);
        assertSecretReference(
                defaults,
                "GATEWAY_IDEMPOTENCY_FINGERPRINTSECRET",
                HelmChart.FULL_NAME,
                "idempotency-fingerprint-secret",
                false);
        assertSecretReference(
                defaults, "GATEWAY_WEBHOOKS_SIGNINGSECRET", HelmChart.FULL_NAME, "webhooks-signing-secret", false);
        assertSecretReference(
                defaults,
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                HelmChart.FULL_NAME,
                "alibaba-cloud-access-key-secret",
                true);
        assertThat(defaults.one("Secret").path("data").asMap())
                .containsKeys(
                        "database-password",
                        "idempotency-fingerprint-secret",
                        "webhooks-signing-secret",
                        "api-keys.yaml");
        assertThat(defaults.one("ConfigMap").path("data").asMap()).containsOnlyKeys("application.yaml");
        assertThat(defaults.env("SPRING_CONFIG_ADDITIONAL_LOCATION").string("value"))
                .isEqualTo("optional:file:/etc/rds-migration-gateway/config/application.yaml,"
                        + "optional:file:/etc/rds-migration-gateway/secret/api-keys.yaml");
        assertThat(defaults.container().path("volumeMounts").list())
                .extracting(mount -> mount.get("mountPath"))
                .contains("/etc/rds-migration-gateway/config", "/etc/rds-migration-gateway/secret");
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
    void apiKeysAreStoredAsHashesInTheSecretsSpringConfigurationFile() {
        Manifests manifests = HelmChart.renderWith(temp, """
                apiKeys:
                  - name: payments-ci
                    team: payments
                    keySha256: 44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70
                  - team: platform
                    keySha256: 4ab7b7cd7a009307f975da639ffcb2f104e371d271e936dab005ee993474b81d
                    admin: true
                """);

        String file = new String(
                Base64.getDecoder().decode(manifests.one("Secret").data("api-keys.yaml")), StandardCharsets.UTF_8);
        Node keys = new Node(new Yaml().load(file)).path("gateway.security.api-keys");
        assertThat(keys.list()).hasSize(2);
        assertThat(keys.list().get(0).asMap())
                .containsEntry("name", "payments-ci")
                .containsEntry("team", "payments")
                .containsEntry("key-sha256", "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70")
                .containsEntry("admin", false);
        assertThat(keys.list().get(1).asMap())
                .containsEntry("name", "platform-key")
                .containsEntry("admin", true);
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
    void installNotesNameTheTeamsBlockAnApiKeyLacks() throws IOException {
        String key = "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70";
        Path values = HelmChart.write(
                temp,
                "apiKeys: [{team: payments, keySha256: " + key + "}, {team: ops, keySha256: " + key
                        + ", admin: true}]\nteams: {billing: {instances: [rm-bill-*]}}");

        assertThat(HelmChart.notes(values)).contains("teams.payments").doesNotContain("teams.ops");
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "teams: {payments: {dailyTaskShare: 1.5}}",
                "teams: {payments: {instances: ['*']}}",
                "teams: {payments: {instances: ['rm-*-prod']}}",
                "teams: {payments: {owns: [rm-1]}}",
                "replicaCount: two",
                "replicas: 3", // a typo of replicaCount: unknown keys are refused, not ignored
                "service: {type: Ingress, port: 80}",
                "apiKeys: [{team: payments, keySha256: not-a-sha256}]",
                "database: {url: 'jdbc:mysql://db:3306/gateway', username: gateway}",
                "image: {repository: ''}",
                "resources: {requests: {memory: lots}, limits: {memory: 1Gi}}",
                "probes: {startup: {periodSeconds: 0, timeoutSeconds: 3, failureThreshold: 3}, liveness: {periodSeconds: 10,"
                        + " timeoutSeconds: 3, failureThreshold: 3}, readiness: {periodSeconds: 5, timeoutSeconds: 3,"
                        + " failureThreshold: 3}}"
            })
    void schemaRejectsBadValues(String badValues) {
        Path values = HelmChart.write(temp, badValues);

        assertThatThrownBy(() -> HelmChart.render(values))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void refusesRrsaWithoutARoleAndApiKeysBesideAnExistingSecret() {
        assertThatThrownBy(() -> HelmChart.renderWith(temp, "rrsa: {enabled: true}"))
                .hasMessageContaining("rrsa.roleName is required");
        assertThatThrownBy(() -> HelmChart.renderWith(temp, """
                        secrets: {existingSecret: mine}
                        apiKeys: [{team: payments, keySha256: 44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70}]
                        """)).hasMessageContaining("api-keys.yaml");
    }

    @Test
    void installNotesNameTheProdSettingsTheValuesLeaveOut() {
        assertThat(HelmChart.notes())
                .contains("kubectl -n payments rollout status deployment/gw-rds-migration-gateway")
                .contains("WARNING: profile prod will refuse to start")
                .contains("database.url")
                .contains("secrets.idempotencyFingerprintSecret")
                .contains("secrets.webhooksSigningSecret")
                .contains("Alibaba Cloud credentials");
        assertThat(HelmChart.notes(FULL_VALUES))
                .doesNotContain("WARNING")
                .contains("RRSA: the pods assume RAM role rds-migration-gateway");
    }

    @Test
    void installNotesNameTheJwtIssuerAndAudienceProdNeedsWithJwtsOn() {
        String keys = "apiKeys: [{team: ops, admin: true, keySha256: "
                + "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70}]\n";
        String jwt = "config: {spring: {security: {oauth2: {resourceserver: {jwt: ";

        assertThat(HelmChart.notes(
                        HelmChart.write(temp, keys + jwt + "{jwk-set-uri: https://sso.example.com/jwks}}}}}}")))
                .contains("config.spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .contains("config.spring.security.oauth2.resourceserver.jwt.audiences");
        assertThat(HelmChart.notes(HelmChart.write(temp, keys + jwt + "{issuer-uri: https://sso.example.com/x}}}}}}")))
                .contains("config.spring.security.oauth2.resourceserver.jwt.audiences")
                .doesNotContain("jwt.issuer-uri");
        assertThat(HelmChart.notes(HelmChart.write(temp, keys))).doesNotContain("jwt.audiences");
        assertThat(new Node(applicationYaml(HelmChart.render(FULL_VALUES)))
                        .get("spring.security.oauth2.resourceserver.jwt.audiences"))
                .as("the chart's full example sets the audience")
                .isEqualTo(List.of("rds-migration-gateway"));
    }

    @Test
    void readmeDocumentsEveryValue() throws IOException {
        List<String> valuesYaml = Files.readAllLines(HelmChart.DIRECTORY.resolve("values.yaml"));
        String readme = Files.readString(HelmChart.DIRECTORY.resolve("README.md"));
        List<String> documented = documentedValues(valuesYaml);

        assertThat(documented).hasSizeGreaterThan(50);
        assertThat(documented).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
        assertThat(leaves("", new Yaml().load(String.join("\n", valuesYaml))))
                .as("every value has a description, or lies under one that has")
                .allSatisfy(
                        leaf -> assertThat(documented).anyMatch(key -> leaf.equals(key) || leaf.startsWith(key + ".")));
    }

    /** The keys of values.yaml with a {@code # --} description above them, as dotted paths. */
    static List<String> documentedValues(List<String> lines) {
        List<String> documented = new ArrayList<>();
        List<Map.Entry<Integer, String>> parents = new ArrayList<>();
        boolean described = false;
        for (String line : lines) {
            Matcher key = VALUES_KEY.matcher(line);
            if (line.strip().startsWith("# --")) {
                described = true;
            } else if (key.matches()) {
                int indent = key.group(1).length();
                parents.removeIf(parent -> parent.getKey() >= indent);
                parents.add(Map.entry(indent, key.group(2)));
                if (described) {
                    documented.add(String.join(
                            ".", parents.stream().map(Map.Entry::getValue).toList()));
                }
                described = false;
            }
        }
        return documented;
    }

    /** Dotted paths of the values that are not maps with entries. */
    static List<String> leaves(String prefix, Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            return map.entrySet().stream()
                    .flatMap(entry ->
                            leaves(prefix + (prefix.isEmpty() ? "" : ".") + entry.getKey(), entry.getValue()).stream())
                    .toList();
        }
        return List.of(prefix);
    }

    private static Manifests render(String values) {
        return values.equals("defaults") ? HelmChart.render() : HelmChart.render(FULL_VALUES);
    }

    private static void assertSecretReference(
            Manifests manifests, String variable, String secret, String key, boolean optional) {
        Node env = manifests.env(variable);
        assertThat(env.has("value")).as(variable + " never as a plain value").isFalse();
        assertThat(env.string("valueFrom.secretKeyRef.name")).as(variable).isEqualTo(secret);
        assertThat(env.string("valueFrom.secretKeyRef.key")).as(variable).isEqualTo(key);
        assertThat(env.path("valueFrom.secretKeyRef").asMap().getOrDefault("optional", false))
                .as(variable + " optional")
                .isEqualTo(optional);
    }

    private static Map<String, Object> applicationYaml(Manifests manifests) {
        return manifests.resources().stream()
                .map(Node::new)
                .filter(resource -> resource.string("metadata.name").equals(HelmChart.FULL_NAME))
                .filter(resource -> resource.string("kind").equals("ConfigMap"))
                .map(configMap -> Node.map(new Yaml().load(configMap.data("application.yaml"))))
                .findFirst()
                .orElseThrow();
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
