package com.rdsmigration.gateway.deployment;

import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml, read as Compose reads a service's environment: the defaults of
 * {@code ${NAME:-default}} taken, and the variables Compose requires ({@code ${NAME:?why}}) given by the caller.
 */
record ComposeFile(Node root) {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{\\w+:-([^}]*)}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");

    static ComposeFile read(Path file) {
        try {
            return new ComposeFile(new Node(Node.map(new Yaml().load(Files.readString(file)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's settings as written. */
    Node service(String name) {
        return root.path("services." + name);
    }

    /** The service's environment as written, before any substitution. */
    Map<String, Object> rawEnvironment(String service) {
        return service(service).path("environment").asMap();
    }

    /** The service's environment as Compose hands it to the container, with {@code required} given. */
    Map<String, String> environment(String service, Map<String, String> required) {
        Map<String, String> settings = new LinkedHashMap<>();
        rawEnvironment(service).forEach((name, value) -> {
            String withDefaults = DEFAULT.matcher(String.valueOf(value))
                    .replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
            String given = REQUIRED.matcher(withDefaults)
                    .replaceAll(match -> Matcher.quoteReplacement(Objects.requireNonNull(
                            required.get(match.group(1)), "compose requires " + match.group(1))));
            settings.put(name, given);
        });
        return settings;
    }
}
