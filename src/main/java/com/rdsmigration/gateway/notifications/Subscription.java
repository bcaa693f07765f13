package com.rdsmigration.gateway.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A team's webhook: changes of one task ({@code taskId}) or of every task of the team are POSTed to {@code url}. */
record Subscription(
        UUID id, String team, String url, @Nullable UUID taskId, Instant createdAt) {}
