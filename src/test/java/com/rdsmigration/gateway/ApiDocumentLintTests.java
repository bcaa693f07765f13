package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lints the document the running gateway serves, as the teams that generate clients from it do: Spectral with the
 * OpenAPI and OWASP rulesets, and Redocly's recommended rules, both pinned in {@code lint/}. An error of either fails
 * the build; their reports, warnings included, are printed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentLintTests {

    static final Path DOCUMENT = Path.of("target", "openapi.json");
    static final Path LINT = Path.of("lint");

    @LocalServerPort
    int port;

    @BeforeAll
    void writeTheServedDocument() throws IOException, InterruptedException {
        HttpResponse<String> docs = new HttpTestClient(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, docs.body(), StandardCharsets.UTF_8);
        // .ci/run installs the pinned linters before the build; a plain `./mvnw verify` on a fresh clone does it here.
        if (!Files.isDirectory(LINT.resolve("node_modules"))) {
            assertThat(run("npm", "ci", "--prefix", "lint", "--no-audit", "--no-fund"))
                    .as("npm ci --prefix lint")
                    .isZero();
        }
    }

    @Test
    void passesSpectralsOpenApiAndOwaspRules() throws IOException, InterruptedException {
        int exit = run(
                "npx",
                "--prefix",
                "lint",
                "spectral",
                "lint",
                DOCUMENT.toString(),
                "-r",
                "lint/.spectral.yaml",
                "--fail-severity=error");

        assertThat(exit)
                .as("Spectral found errors in " + DOCUMENT + "; its report is above")
                .isZero();
    }

    @Test
    void passesRedoclysRecommendedRules() throws IOException, InterruptedException {
        int exit =
                run("npx", "--prefix", "lint", "redocly", "lint", DOCUMENT.toString(), "--config", "lint/redocly.yaml");

        assertThat(exit)
                .as("Redocly found errors in " + DOCUMENT + "; its report is above")
                .isZero();
    }

    /** Runs a command in the project directory, prints what it says and answers its exit code. */
    static int run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("lint", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            System.out.println("$ " + String.join(" ", command) + "\n" + Files.readString(output));
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return process.exitValue();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
