package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Profile {@code prod} refuses to start without its PostgreSQL, naming the setting in one line. */
class ProdProfileTests {

    @Test
    void refusesToStartWithoutADatasource() {
        assertThatThrownBy(() -> start("--spring.main.web-application-type=none"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'spring.datasource.url': "
                        + "profile 'prod' needs a PostgreSQL database and none is configured.");
    }

    @Test
    void refusesAnEmbeddedDatabase() {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:mem:x"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'spring.datasource.url'")
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void reportsTheMissingSettingAsAOneLineAnalysis() {
        MissingSettingException missing = new MissingSettingException("spring.datasource.url", "none set.", "Set it.");
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new RuntimeException(missing));

        assertThat(analysis.getDescription()).isEqualTo("Missing required setting 'spring.datasource.url': none set.");
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("Set it.");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                .profiles("prod")
                .run(args)
                .close();
    }
}
