package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart in {@code helm/rds-migration-gateway}, rendered by Helm itself (helm-java: the Helm Go library as a native
 * library, no helm binary needed) as release {@value #RELEASE} in namespace {@value #NAMESPACE}, and its manifests
 * parsed into maps.
 */
final class HelmChart {

    static final Path DIRECTORY = Path.of("helm", "rds-migration-gateway");
    static final String RELEASE = "gw";
    static final String NAMESPACE = "payments";
    static final String FULL_NAME = RELEASE + "-rds-migration-gateway";
    /** A supported cluster version; Helm's own default for offline rendering is older than the chart's minimum. */
    static final String KUBE_VERSION = "1.31.0";
    /** Every optional part on: what the tests render besides the defaults. */
    static final Path FULL_VALUES = DIRECTORY.resolve("ci/full-values.yaml");

    private HelmChart() {}

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders the chart with these values files on top of values.yaml; fails as Helm does, e.g. on the schema. */
    static Manifests render(Path... valuesFiles) {
        TemplateCommand template = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return Manifests.parse(template.call());
    }

    /** What {@code helm install} prints after installing (NOTES.txt), from a client-only dry run. */
    static String notes(Path... valuesFiles) {
        InstallCommand install = new Helm(DIRECTORY)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .withDryRunOption(DryRun.CLIENT);
        for (Path values : valuesFiles) {
            install = install.withValuesFile(values);
        }
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** Renders the chart with values given as YAML text, written to a file in {@code directory}. */
    static Manifests renderWith(Path directory, String valuesYaml) {
        return render(write(directory, valuesYaml));
    }

    static Path write(Path directory, String valuesYaml) {
        try {
            return Files.writeString(Files.createTempFile(directory, "values-", ".yaml"), valuesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default values ({@code "defaults"}) or {@link #FULL_VALUES} ({@code "full values"}), rendered. */
    static Manifests renderExample(String values) {
        return values.equals("defaults") ? HelmChart.render() : HelmChart.render(FULL_VALUES);
    }

    /** The application.yaml in the release's own ConfigMap: the chart's settings and the {@code config} value. */
    static Map<String, Object> applicationYaml(Manifests manifests) {
        return manifests.resources().stream()
                .map(Node::new)
                .filter(resource -> resource.string("metadata.name").equals(HelmChart.FULL_NAME))
                .filter(resource -> resource.string("kind").equals("ConfigMap"))
                .map(configMap -> Node.map(new Yaml().load(configMap.data("application.yaml"))))
                .findFirst()
                .orElseThrow();
    }

    /** The gateway container gets {@code variable} from key {@code key} of Secret {@code secret}, never as a value. */
    static void assertSecretReference(
            Manifests manifests, String variable, String secret, String key, boolean optional) {
        Node env = manifests.env(variable);
        assertThat(env.has("value")).as(variable + " never as a plain value").isFalse();
        assertThat(env.string("valueFrom.secretKeyRef.name")).as(variable).isEqualTo(secret);
        assertThat(env.string("valueFrom.secretKeyRef.key")).as(variable).isEqualTo(key);
        assertThat(env.path("valueFrom.secretKeyRef").asMap().getOrDefault("optional", false))
                .as(variable + " optional")
                .isEqualTo(optional);
    }

    /** The rendered resources. */
    record Manifests(List<Map<String, Object>> resources) {

        static Manifests parse(String rendered) {
            List<Map<String, Object>> resources = new ArrayList<>();
            StreamSupport.stream(new Yaml().loadAll(rendered).spliterator(), false)
                    .filter(Objects::nonNull)
                    .forEach(document -> resources.add(Node.map(document)));
            return new Manifests(List.copyOf(resources));
        }

        List<String> kinds() {
            return resources.stream().map(r -> (String) r.get("kind")).sorted().toList();
        }

        Node one(String kind) {
            List<Map<String, Object>> matching =
                    resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
            if (matching.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + matching.size() + " in " + kinds());
            }
            return new Node(matching.get(0));
        }

        /** The Deployment's one container. */
        Node container() {
            return one("Deployment")
                    .path("spec.template.spec.containers")
                    .list()
                    .get(0);
        }

        /** The gateway container's environment variable {@code name}. */
        Node env(String name) {
            return container().path("env").list().stream()
                    .filter(variable -> name.equals(variable.string("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no environment variable " + name));
        }

        boolean hasEnv(String name) {
            return container().path("env").list().stream().anyMatch(variable -> name.equals(variable.string("name")));
        }
    }

    /** A step through a parsed manifest by dotted paths. */
    record Node(Object value) {

        Node path(String dotted) {
            Object current = value;
            for (String key : dotted.split("\\.")) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new AssertionError("no '" + key + "' on the way to '" + dotted + "' in " + value);
                }
                current = map.get(key);
            }
            return new Node(current);
        }

        boolean has(String dotted) {
            try {
                path(dotted);
                return true;
            } catch (AssertionError e) {
                return false;
            }
        }

        String string(String dotted) {
            return String.valueOf(path(dotted).value());
        }

        Object get(String dotted) {
            return path(dotted).value();
        }

        /** An entry of a ConfigMap's or Secret's {@code data}, whose keys hold dots. */
        String data(String key) {
            return String.valueOf(path("data").asMap().get(key));
        }

        List<Node> list() {
            return ((List<?>) value).stream().map(Node::new).toList();
        }

        Map<String, Object> asMap() {
            return map(value);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value) {
            return (Map<String, Object>) value;
        }
    }
}
