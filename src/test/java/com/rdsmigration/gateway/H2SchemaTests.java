package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default runs on H2 in PostgreSQL mode: every Flyway script must apply there too, and Hibernate must
 * validate the entities against the result. (The PostgreSQL side is checked by every {@code @IntegrationTest}.)
 */
@DataJpaTest(
        properties = "spring.datasource.url=jdbc:h2:mem:h2-schema-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class H2SchemaTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void appliesEveryMigrationOnH2AndValidatesTheEntities() throws IOException {
        long scripts = Arrays.stream(
                        new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql"))
                .count();

        Long applied = jdbc.sql(
                        "select count(*) from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null")
                .query(Long.class)
                .single();

        assertThat(scripts).isPositive();
        assertThat(applied).isEqualTo(scripts);
    }
}
