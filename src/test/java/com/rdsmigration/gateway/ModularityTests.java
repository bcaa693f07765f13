package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries described in docs/architecture.md: no cycles, only declared dependencies, nothing uses
 * the simulator; and keeps the module diagrams of docs/modules/ current.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RdsMigrationGatewayApplication.class);
    static final Path WRITTEN = Path.of("target", "spring-modulith-docs");
    static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDiagramsAreCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        List<Path> diagrams = diagrams(WRITTEN);
        assertThat(diagrams).as("written diagrams").isNotEmpty();
        assertThat(diagrams(COMMITTED))
                .as(
                        "docs/modules/ holds the diagrams Documenter writes; refresh with: cp %s/*.puml %s/",
                        WRITTEN, COMMITTED)
                .containsExactlyInAnyOrderElementsOf(diagrams);
        for (Path diagram : diagrams) {
            // Documenter lists the relations in no fixed order: the same lines, in any order, are the same diagram.
            assertThat(Files.readAllLines(COMMITTED.resolve(diagram)))
                    .as("docs/modules/%s is current; refresh with: cp %s/*.puml %s/", diagram, WRITTEN, COMMITTED)
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(WRITTEN.resolve(diagram)));
        }
    }

    private static List<Path> diagrams(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".puml"))
                    .map(Path::getFileName)
                    .sorted()
                    .toList();
        }
    }
}
