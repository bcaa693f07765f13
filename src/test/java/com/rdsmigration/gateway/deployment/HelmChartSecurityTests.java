package com.rdsmigration.gateway.deployment;

import static com.rdsmigration.gateway.deployment.HelmChart.assertSecretReference;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.deployment.HelmChart.Manifests;
import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's security, with the default values and with every option on: a non-root container on a read-only root
 * file system, secrets only by reference to a Secret, and callers' API keys only as hashes.
 */
class HelmChartSecurityTests {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"defaults", "full values"})
    void runsAsTheImagesNonRootUserOnAReadOnlyRootWithAWritableTmp(String values) {
        Manifests manifests = HelmChart.renderExample(values);
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
                defaults, "GATEWAY_GUIDED_SOURCEPASSWORDKEY", HelmChart.FULL_NAME, "guided-source-password-key", false);
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
                        "guided-source-password-key",
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
}
