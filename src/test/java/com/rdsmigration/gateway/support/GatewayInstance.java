package com.rdsmigration.gateway.support;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

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
        return start(database, simulatorPort, settings, null);
    }

    /**
     * As {@link #start(JdbcConnectionDetails, int, Map)}, on {@code clock} instead of the system clock when it is not
     * {@code null}: replicas that share the test's {@link MutableClock} see time move when the test moves it.
     */
    public static GatewayInstance start(
            JdbcConnectionDetails database, int simulatorPort, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.url", database.getJdbcUrl());
        all.put("spring.datasource.username", database.getUsername());
        all.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        all.put("rds.endpoint", "http://127.0.0.1:" + simulatorPort + "/");
        all.put("rds.simulator.enabled", "false");
        // Another gateway's simulator is not this one's own: its credentials must be given, as for any endpoint.
        all.put("rds.auth.access-key-id", "simulator-ak");
        all.put("rds.auth.access-key-secret", "simulator-secret");
        all.put("gateway.reconciler.interval", "1h");
        all.put("spring.jmx.enabled", "false");
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        SpringApplicationBuilder application = new SpringApplicationBuilder(RdsMigrationGatewayApplication.class);
        if (clock != null) {
            application.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("replicaClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        }
        return new GatewayInstance(application.run(arguments.toArray(String[]::new)));
    }

    /** Hears every event the replica publishes from now on. */
    public void listen(ApplicationListener<ApplicationEvent> listener) {
        context.addApplicationListener(listener);
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
