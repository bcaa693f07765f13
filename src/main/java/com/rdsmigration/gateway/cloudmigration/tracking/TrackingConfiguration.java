package com.rdsmigration.gateway.cloudmigration.tracking;

import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tracker's lock: ShedLock's JDBC provider on the shared database, timed by the database's clock, under a name of
 * its own for each replica (host and a random suffix), so that two replicas on one host never take each other's lock
 * for their own.
 */
@Configuration(proxyBeanMethods = false)
public class TrackingConfiguration {

    @Bean
    public TrackerLock trackerLock(DataSource dataSource, TrackingProperties tracking) {
        String replica =
                Utils.getHostname() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(replica)
                .build());
        return new TrackerLock(provider, tracking.lockPeriod(), replica);
    }
}
