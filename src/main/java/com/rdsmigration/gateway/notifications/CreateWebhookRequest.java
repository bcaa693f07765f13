package com.rdsmigration.gateway.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Register a webhook for one precheck or migration, or for every task of the caller's team. */
record CreateWebhookRequest(
        @Schema(
                description = "Where changes are POSTed: an https URL (http only where the gateway allows it) on a host"
                        + " the gateway allows, without user information.",
                example = "https://hooks.example.com/rds-migrations",
                format = "uri",
                maxLength = WebhookUrlPolicy.MAX_LENGTH)
        @NotBlank
        @Nullable
        String url,

        @Schema(description = "The gateway id of the precheck or migration to follow; absent: every task of your team.")
        @Nullable
        UUID taskId) {}
