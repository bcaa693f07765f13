package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The claim contract on PostgreSQL: a schema of this class's own, emptied before each test, through a small pool (a
 * connection for each of the hundreds of statements would take most of the run) closed after the class, since the
 * server's connections are shared.
 */
class DeliveryClaimsOnPostgresTests extends DeliveryClaimsContract {

    private static HikariDataSource pool;

    DeliveryClaimsOnPostgresTests() {
        super(pool());
    }

    private static synchronized HikariDataSource pool() {
        if (pool == null) {
            JdbcConnectionDetails schema = TestDatabase.newSchema();
            HikariDataSource created = new HikariDataSource();
            created.setJdbcUrl(schema.getJdbcUrl());
            created.setUsername(schema.getUsername());
            created.setPassword(schema.getPassword());
            created.setMaximumPoolSize(3);
            migrated(created);
            pool = created;
        }
        return pool;
    }

    @AfterAll
    static synchronized void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
