package com.rdsmigration.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway: a REST API in front of the Alibaba Cloud RDS OpenAPI actions that move databases onto and between
 * ApsaraDB RDS instances, with an embedded, wire-compatible RDS simulator as its default upstream.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RdsMigrationGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RdsMigrationGatewayApplication.class, args);
    }
}
