package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's values as an operator writes them: its schema refuses values that would deploy something broken, its
 * templates refuse combinations that cannot work, and its README documents every value.
 */
class HelmChartValuesTests {

    static final Pattern VALUES_KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_]+):.*$");

    @TempDir
    Path temp;

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
}
