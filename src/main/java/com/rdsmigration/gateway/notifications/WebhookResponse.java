package com.rdsmigration.gateway.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.rdsmigration.gateway.system.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A webhook subscription and how its deliveries went; its signing secret only in the answer that created it. */
record WebhookResponse(
        UUID id,

        @Schema(format = "uri", example = "https://hooks.example.com/rds-migrations")
        @Size(max = WebhookUrlPolicy.MAX_LENGTH)
        String url,

        @Schema(description = "The precheck or migration it follows; null: every task of the team.") @Nullable
        UUID taskId,

        @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
        String team,

        Instant createdAt,
        DeliveryStats deliveries,

        @Schema(
                description = "The Standard Webhooks signing secret of the deliveries (whsec_ and the base64 of a"
                        + " 32-byte key), for any Standard Webhooks library; shown once, when the subscription is"
                        + " created, never again (a replay of the create answers without it).",
                example = "whsec_BEvH9I6fYIOhGsfreAY4JmD/vz4cOyP1JiUstPsVlZE=")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        @Size(max = 128)
        String signingSecret) {

    static WebhookResponse of(Subscription subscription, DeliveryStats deliveries, @Nullable String signingSecret) {
        return new WebhookResponse(
                subscription.id(),
                subscription.url(),
                subscription.taskId(),
                subscription.team(),
                subscription.createdAt(),
                deliveries,
                signingSecret);
    }
}
