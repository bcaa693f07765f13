package com.rdsmigration.gateway.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the way Stripe does. Each subscription has its own secret, derived as hex HMAC-SHA256 of its id
 * under the gateway's {@code gateway.webhooks.signing-secret}: nothing secret is stored, and every replica derives
 * the same. A delivery carries {@code X-Gateway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed
 * with the subscription's secret (its hex text as UTF-8), so a receiver can check both origin and age.
 */
final class WebhookSigner {

    static final String SIGNATURE_HEADER = "X-Gateway-Signature";
    static final String ID_HEADER = "X-Gateway-Webhook-Id";

    private final byte[] gatewaySecret;

    WebhookSigner(String gatewaySecret) {
        this.gatewaySecret = gatewaySecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The subscription's signing secret, as shown to its owner once. */
    String secretOf(UUID subscription) {
        return hmacHex(gatewaySecret, subscription.toString());
    }

    /** The signature header's value for a body sent at {@code unixSeconds}. */
    String signature(UUID subscription, long unixSeconds, String body) {
        byte[] key = secretOf(subscription).getBytes(StandardCharsets.UTF_8);
        return "t=" + unixSeconds + ",v1=" + hmacHex(key, unixSeconds + "." + body);
    }

    static String hmacHex(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[******]";
    }
}
