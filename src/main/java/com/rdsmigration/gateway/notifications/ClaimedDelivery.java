package com.rdsmigration.gateway.notifications;

import java.util.UUID;

/** A delivery a replica has claimed for one attempt (numbered from 1), with what it needs to send it. */
record ClaimedDelivery(UUID id, UUID subscriptionId, String url, String payload, int attempt, UUID claimToken) {}
