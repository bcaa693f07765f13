package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

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
    static final Path COMMITTED = Path.of("docs", "openapi.json");

    @LocalServerPort
    int port;

    /** Spectral and Redocly run side by side, started once the document is written; each test waits for its own. */
    final ExecutorService linters = Executors.newFixedThreadPool(2);

    CompletableFuture<Integer> spectral;
    CompletableFuture<Integer> redocly;

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
        spectral = inBackground(
                "npx",
                "--prefix",
                "lint",
                "spectral",
                "lint",
                DOCUMENT.toString(),
                "-r",
                "lint/.spectral.yaml",
                "--fail-severity=error");
        redocly = inBackground(
                "npx", "--prefix", "lint", "redocly", "lint", DOCUMENT.toString(), "--config", "lint/redocly.yaml");
    }

    @AfterAll
    void stopLinters() {
        linters.shutdownNow();
    }

    @Test
    void passesSpectralsOpenApiAndOwaspRules() {
        int exit = spectral.join();

        assertThat(exit)
                .as("Spectral found errors in " + DOCUMENT + "; its report is above")
                .isZero();
    }

    @Test
    void passesRedoclysRecommendedRules() {
        int exit = redocly.join();

        assertThat(exit)
                .as("Redocly found errors in " + DOCUMENT + "; its report is above")
                .isZero();
    }

    /**
     * The committed description, docs/openapi.json, from which the build generates the typed client of
     * GeneratedClientTests (and which teams may read without starting a gateway), is the served document.
     */
    @Test
    void theCommittedDescriptionIsTheServedOne() throws IOException {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.readTree(Files.readString(COMMITTED)))
                .as("docs/openapi.json differs from the served document; refresh it with: python3 -m json.tool"
                        + " --indent 2 --no-ensure-ascii target/openapi.json > docs/openapi.json")
                .isEqualTo(json.readTree(Files.readString(DOCUMENT)));
    }

    /** {@link #run} on a thread of its own. */
    CompletableFuture<Integer> inBackground(String... command) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return run(command);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                linters);
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
