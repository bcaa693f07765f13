package com.rdsmigration.gateway.support;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more whole gateway in the test JVM, on its own random port and system clock, as a replica beside the test's
 * application: a real second instance sharing the database and calling the test application's simulator. Its settings
 * are command-line arguments, so they win over {@code application.yaml} as an operator's would.
 */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a replica on {@code database} whose upstream is the simulator on {@code simulatorPort}; {@code settings}
     * add to or override the defaults.
     */
    public static GatewayInstance start(
            JdbcConnectionDetails database, int simulatorPort, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.url", database.getJdbcUrl());
        all.put("spring.datasource.username", database.getUsername());
        all.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        all.put("rds.endpoint", "http://127.0.0.1:" + simulatorPort + "/");
        all.put("rds.simulator.enabled", "false");
        all.put("gateway.reconciler.interval", "1h");
        all.put("spring.jmx.enabled", "false");
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new GatewayInstance(new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
