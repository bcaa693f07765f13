package com.rdsmigration.gateway.notifications;

import java.util.UUID;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claim contract on H2 in PostgreSQL mode, the embedded default's database: a fresh database for each test. */
class DeliveryClaimsOnH2Tests extends DeliveryClaimsContract {

    DeliveryClaimsOnH2Tests() {
        super(migrated(new DriverManagerDataSource("jdbc:h2:mem:webhooks-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")));
    }
}
