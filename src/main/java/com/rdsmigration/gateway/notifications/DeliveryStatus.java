package com.rdsmigration.gateway.notifications;

/**
 * Where a webhook delivery stands ({@code webhook_delivery.status}): {@link #PENDING} until due, {@link #SENDING} while
 * a replica's claim on it lasts, then {@link #DELIVERED}, or {@link #PENDING} again for a retry, or {@link #FAILED}
 * once given up.
 */
enum DeliveryStatus {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED
}
