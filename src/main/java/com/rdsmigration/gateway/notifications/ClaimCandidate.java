package com.rdsmigration.gateway.notifications;

import java.util.UUID;

/** A due delivery a claim looks at, with the team whose turn it is. */
record ClaimCandidate(UUID id, String team) {}
