package com.rdsmigration.gateway.notifications;

import java.util.UUID;

/**
 * A delivery a replica has claimed for one attempt (numbered from 1), with what it needs to send it and the team of
 * its subscription, whose sending slots the attempt takes.
 */
record ClaimedDelivery(
        UUID id, UUID subscriptionId, String team, String url, String payload, int attempt, UUID claimToken) {}
