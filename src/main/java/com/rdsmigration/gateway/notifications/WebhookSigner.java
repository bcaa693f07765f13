package com.rdsmigration.gateway.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as the Standard Webhooks specification (standardwebhooks.com) says, so that a receiving team
 * verifies them with an off-the-shelf library in its own language rather than with code of ours. Each subscription
 * has its own 32-byte key, HMAC-SHA256 of its id under the gateway's {@code gateway.webhooks.signing-secret}: nothing
 * secret is stored, and every replica derives the same. Its owner is shown it once, as {@code whsec_<base64 key>}.
 * Each attempt carries {@code webhook-id} (the delivery's id, the same on every attempt, so receivers drop repeats),
 * {@code webhook-timestamp} (this attempt's unix seconds, so receivers refuse old ones) and {@code webhook-signature:
 * v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}, which covers all three.
 */
final class WebhookSigner {

    private static final String ID_HEADER = "webhook-id";
    private static final String TIMESTAMP_HEADER = "webhook-timestamp";
    private static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private final byte[] gatewaySecret;

    WebhookSigner(String gatewaySecret) {
        this.gatewaySecret = gatewaySecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The subscription's signing secret, as shown to its owner once. */
    String secretOf(UUID subscription) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(keyOf(subscription));
    }

    /** The Standard Webhooks headers of an attempt of {@code delivery}, sent at {@code unixSeconds}. */
    Map<String, String> headers(UUID subscription, UUID delivery, long unixSeconds, String body) {
        byte[] signature = hmac(keyOf(subscription), delivery + "." + unixSeconds + "." + body);
        return Map.of(
                ID_HEADER,
                delivery.toString(),
                TIMESTAMP_HEADER,
                Long.toString(unixSeconds),
                SIGNATURE_HEADER,
                "v1," + Base64.getEncoder().encodeToString(signature));
    }

    private byte[] keyOf(UUID subscription) {
        return hmac(gatewaySecret, subscription.toString());
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[******]";
    }
}
