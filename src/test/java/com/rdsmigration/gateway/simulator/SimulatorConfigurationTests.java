package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** The settings' defaults and binding, and the whole simulator switched off by {@code rds.simulator.enabled}. */
class SimulatorConfigurationTests {

    final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(JsonMapper.class, JsonMapper::shared)
            .withUserConfiguration(SimulatorConfiguration.class, SimulatorControlController.class);

    static SimulatorProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("rds.simulator", SimulatorProperties.class);
    }

    @Test
    void defaultsToTheDocumentedSettings() {
        SimulatorProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.accessKeyId()).isEqualTo("simulator-ak");
        assertThat(properties.accessKeySecret()).isEqualTo("simulator-secret");
        assertThat(properties.securityToken()).isNull();
        assertThat(properties.bearerToken()).isEqualTo("simulator-token");
        assertThat(properties.stageDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.instances()).isEmpty();
        assertThat(properties.importIdStart()).isEqualTo(85_265_475_235L);
        assertThat(properties.timeoutHold()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void bindsInstancesByIdWithRdsEngineNames() {
        SimulatorProperties properties = bind(Map.of(
                "rds.simulator.instances.pgm-old.status", "Stopped",
                "rds.simulator.instances.rm-my.engine", "MySQL",
                "rds.simulator.instances.legacy.engine", "SQLServer",
                "rds.simulator.instances.pgm-owned.resource-group-id", "rg-team-a",
                "rds.simulator.stage-duration", "250ms"));

        assertThat(properties.instances().get("pgm-old").status()).isEqualTo("Stopped");
        assertThat(properties.instances().get("pgm-old").engine()).isNull();
        assertThat(properties.instances().get("rm-my").engine()).isEqualTo(Engine.MYSQL);
        assertThat(properties.instances().get("legacy").engine()).isEqualTo(Engine.SQL_SERVER);
        assertThat(properties.instances().get("legacy").status()).isEqualTo("Running");
        assertThat(properties.instances().get("legacy").resourceGroupId()).isNull();
        assertThat(properties.instances().get("pgm-owned").resourceGroupId()).isEqualTo("rg-team-a");
        assertThat(properties.instances().get("pgm-owned").status()).isEqualTo("Running");
        assertThat(properties.stageDuration()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void keepsSecretsOutOfTheSettingsText() {
        assertThat(bind(Map.of("rds.simulator.security-token", "sts-secret")).toString())
                .doesNotContain("simulator-secret", "simulator-token", "sts-secret")
                .contains("simulator-ak");
    }

    @Test
    void readsEngineNamesInAnyCase() {
        assertThat(Engine.of("postgresql")).isEqualTo(Engine.POSTGRESQL);
        assertThat(Engine.of("SQL_SERVER")).isEqualTo(Engine.SQL_SERVER);
        assertThat(Engine.MYSQL.wireName()).isEqualTo("MySQL");
    }

    @Test
    void existsByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RpcEndpoint.class);
            assertThat(context).hasSingleBean(SimulatorControlController.class);
        });
    }

    @Test
    void disappearsEntirelyWhenDisabled() {
        runner.withPropertyValues("rds.simulator.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RpcEndpoint.class);
            assertThat(context).doesNotHaveBean(SimulatorControlController.class);
            assertThat(context).doesNotHaveBean("simulatorRpcFilter");
        });
    }
}
