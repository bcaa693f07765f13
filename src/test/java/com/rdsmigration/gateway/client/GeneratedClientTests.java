package com.rdsmigration.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rdsmigration.gateway.client.api.CloudMigrationPrechecksApi;
import com.rdsmigration.gateway.client.api.CloudMigrationsApi;
import com.rdsmigration.gateway.client.api.ImportsApi;
import com.rdsmigration.gateway.client.model.CreateImportRequest;
import com.rdsmigration.gateway.client.model.CreateMigrationRequest;
import com.rdsmigration.gateway.client.model.CreatePrecheckRequest;
import com.rdsmigration.gateway.client.model.Migration;
import com.rdsmigration.gateway.client.model.ModelImport;
import com.rdsmigration.gateway.client.model.Precheck;
import com.rdsmigration.gateway.client.model.Problem;
import com.rdsmigration.gateway.client.model.Source;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's flows through a typed client that openapi-generator builds from the committed API description
 * (docs/openapi.json, kept equal to the served document by ApiDocumentLintTests), as a calling team builds its own:
 * an import and its cancel; a precheck, a migration and its switchover; a problem answer read as a typed error.
 */
@IntegrationTest
class GeneratedClientTests {

    /** Past both the simulator's stage duration and the gateway's staleness limit. */
    static final Duration NEXT_READ = Duration.ofSeconds(11);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("X-API-Key", GatewayApi.TEAM_A));
    }

    @Test
    void importsAndCancelsThroughTheGeneratedClient() throws ApiException {
        ImportsApi imports = new ImportsApi(client);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        ModelImport created = imports.createImport(
                new CreateImportRequest()
                        .sourceInstanceId("rm-a-src" + suffix)
                        .targetInstanceId("rm-a-dst" + suffix)
                        .databases(Databases.renamed(Map.of("sales", "sales_copy"))),
                UUID.randomUUID().toString(),
                null);

        assertThat(created.getStatus()).isEqualTo(ModelImport.StatusEnum.RUNNING);
        assertThat(created.getDatabases()).containsEntry("sales", "sales_copy");
        assertThat(created.getImportId()).isNotBlank();
        assertThat(imports.getImport(created.getId(), null).getId()).isEqualTo(created.getId());

        ModelImport cancelled = imports.cancelImport(created.getId(), null, null);
        assertThat(cancelled.getStatus()).isEqualTo(ModelImport.StatusEnum.CANCELLED);
        assertThat(imports.listImports(null, null, null, null, null, null, null).getItems())
                .extracting(ModelImport::getId)
                .contains(created.getId());
    }

    @Test
    void migratesFromPrecheckToSwitchoverThroughTheGeneratedClient() throws ApiException {
        String target = GatewayApi.newInstance("pgm", "team-a");
        Source source = new Source()
                .host("172.16.0.10")
                .port(5432)
                .account("migratetest")
                .password("Sup3r-secret!")
                .category(Source.CategoryEnum.ECS_ON_VPC);
        CloudMigrationPrechecksApi prechecks = new CloudMigrationPrechecksApi(client);
        CloudMigrationsApi migrations = new CloudMigrationsApi(client);

        Precheck precheck = prechecks.createPrecheck(
                new CreatePrecheckRequest().targetInstanceId(target).source(source), null, null);
        clock.advance(NEXT_READ);
        assertThat(prechecks.getPrecheck(precheck.getId(), null).getStatus()).isEqualTo(Precheck.StatusEnum.PASSED);

        Migration migration = migrations.createMigration(
                new CreateMigrationRequest()
                        .targetInstanceId(target)
                        .source(source)
                        .precheckId(precheck.getId()),
                null,
                null);
        clock.advance(Duration.ofSeconds(15));
        Migration increment = migrations.getMigration(migration.getId(), null);
        assertThat(increment.getStage()).isEqualTo("increment");
        assertThat(increment.getReplicationInfo())
                .as("the upstream's ReplicationInfo")
                .isNotNull();

        Migration switching = migrations.switchOverMigration(migration.getId(), null, null);
        assertThat(switching.getStatus()).isEqualTo(Migration.StatusEnum.SWITCHING);
        clock.advance(NEXT_READ);
        assertThat(migrations.getMigration(migration.getId(), null).getStatus())
                .isEqualTo(Migration.StatusEnum.SUCCEEDED);
    }

    @Test
    void readsAProblemAsATypedError() throws Exception {
        ImportsApi imports = new ImportsApi(client);

        ApiException notFound =
                catchThrowableOfType(ApiException.class, () -> imports.getImport(UUID.randomUUID(), null));

        assertThat(notFound.getCode()).isEqualTo(404);
        assertThat(notFound.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = client.getObjectMapper().readValue(notFound.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo(Problem.TypeEnum.URN_RDS_MIGRATION_GATEWAY_PROBLEM_NOT_FOUND);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isNotBlank();
    }
}
