package com.rdsmigration.gateway.support;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points DataSource, Flyway and JPA at the test PostgreSQL through a {@link JdbcConnectionDetails} bean, the same
 * path {@code @ServiceConnection} takes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails testDatabaseConnectionDetails() {
        return TestDatabase.connectionDetails();
    }
}
