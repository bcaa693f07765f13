package com.rdsmigration.gateway.cloudmigration;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/** The tracker's store contract on H2 in PostgreSQL mode, the embedded default's database. */
@DataJpaTest(
        properties = "spring.datasource.url=jdbc:h2:mem:tracking-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class TrackingStoreH2Tests extends TrackingStoreContract {}
