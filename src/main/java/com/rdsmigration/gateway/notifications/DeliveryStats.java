package com.rdsmigration.gateway.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a subscription's deliveries went, over the deliveries still kept ({@code gateway.webhooks.retention}).
 *
 * @param pending deliveries waiting for their first or next attempt (or being sent)
 * @param delivered deliveries the receiver accepted with a 2xx answer
 * @param failed deliveries given up after {@code gateway.webhooks.max-attempts}
 * @param lastDelivery the delivery attempted most recently, if any
 */
record DeliveryStats(
        @Min(0) @Max(Long.MAX_VALUE) long pending,
        @Min(0) @Max(Long.MAX_VALUE) long delivered,
        @Min(0) @Max(Long.MAX_VALUE) long failed,
        @Nullable LastDelivery lastDelivery) {

    static final DeliveryStats NONE = new DeliveryStats(0, 0, 0, null);

    /**
     * The most recently attempted delivery.
     *
     * @param id the delivery id (the body's {@code id} and the {@code webhook-id} header)
     * @param status {@code PENDING} (to be retried), {@code SENDING}, {@code DELIVERED} or {@code FAILED}
     * @param attempts attempts so far
     * @param attemptedAt when its last attempt started
     * @param httpStatus the receiver's status code on the last attempt, if it answered
     * @param error why the last attempt failed, if it did, in a few fixed words ({@link DeliveryErrors}): {@code HTTP
     *     <status>}, {@code no answer}, {@code host not found}, or {@code refused: URL|host|address not allowed}
     */
    record LastDelivery(
            UUID id,

            DeliveryStatus status,

            @Min(0) @Max(Integer.MAX_VALUE) int attempts,
            Instant attemptedAt,
            @Min(100) @Max(999) @Nullable Integer httpStatus,
            @Size(max = 255) @Nullable String error) {}
}
