package com.rdsmigration.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Decides, once per test JVM, which PostgreSQL the tests use: the server named by {@value #URL_VARIABLE} (with
 * {@value #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE}) when it is set, else a Testcontainers PostgreSQL
 * when Docker is available, else none: then every test that needs one fails with instructions.
 *
 * <p>Each test JVM works in a schema of its own, dropped when the JVM exits, so runs never see each other's rows.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "TEST_DATABASE_URL";
    public static final String USERNAME_VARIABLE = "TEST_DATABASE_USERNAME";
    public static final String PASSWORD_VARIABLE = "TEST_DATABASE_PASSWORD";

    private static JdbcConnectionDetails details;
    private static Server server;

    private TestDatabase() {}

    /** Connection details of this JVM's test schema, creating it on first use. */
    public static synchronized JdbcConnectionDetails connectionDetails() {
        if (details == null) {
            details = isolate(server());
        }
        return details;
    }

    /**
     * A further schema of its own on the same server, also dropped when the JVM exits: for the extra gateway instances
     * some tests start, whose start-up reconcilers must not touch the shared test schema's rows.
     */
    public static synchronized JdbcConnectionDetails newSchema() {
        return isolate(server());
    }

    /** A data source on {@code schema} that opens a fresh connection each time (no pool: a test's own transactions). */
    public static SimpleDriverDataSource dataSource(JdbcConnectionDetails schema) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), schema.getJdbcUrl(), schema.getUsername(), schema.getPassword());
    }

    private static Server server() {
        if (server == null) {
            server = locateServer();
        }
        return server;
    }

    private static Server locateServer() {
        String url = setting(URL_VARIABLE);
        if (url != null) {
            String username = setting(USERNAME_VARIABLE);
            return new Server(url, username != null ? username : "postgres", setting(PASSWORD_VARIABLE));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Set " + URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test, with " + USERNAME_VARIABLE + " and "
                + PASSWORD_VARIABLE + " as needed; .ci/run does this) or start a Docker engine for Testcontainers.");
    }

    /** An explicit system property wins over the environment variable of the same name. */
    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    private static JdbcConnectionDetails isolate(Server server) {
        String schema = "test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(server, "CREATE SCHEMA " + schema);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE")));
        String separator = server.url().contains("?") ? "&" : "?";
        String url = server.url() + separator + "currentSchema=" + schema;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return server.username();
            }

            @Override
            public String getPassword() {
                return server.password();
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    private static void execute(Server server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot reach the test PostgreSQL at " + server.url() + ": " + e.getMessage(), e);
        }
    }

    private record Server(String url, String username, String password) {}
}
