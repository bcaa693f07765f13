package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.support.PostgresJpaTest;

/** The tracker's store contract on PostgreSQL. */
@PostgresJpaTest
class TrackingStorePostgresTests extends TrackingStoreContract {}
