package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Known answers computed with openssl, and the same signatures from the Standard Webhooks library. */
class WebhookSignerTests {

    static final UUID SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID DELIVERY = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final String BODY = "{\"id\":\"x\"}";

    final WebhookSigner signer = new WebhookSigner("test-signing-secret");

    @Test
    void derivesEachSubscriptionsSecretAsHmacOfItsIdUnderTheGatewaySecretInTheWhsecForm() {
        // printf %s 00000000-0000-0000-0000-000000000001 | openssl dgst -sha256 -hmac test-signing-secret -binary
        //   | base64
        assertThat(signer.secretOf(SUBSCRIPTION)).isEqualTo("whsec_BEvH9I6fYIOhGsfreAY4JmD/vz4cOyP1JiUstPsVlZE=");
        assertThat(signer.secretOf(UUID.randomUUID())).isNotEqualTo(signer.secretOf(SUBSCRIPTION));
    }

    @Test
    void signsTheDeliveryIdTimestampAndBodyWithTheSubscriptionsKey() throws Exception {
        // printf %s '00000000-0000-0000-0000-0000000000d1.1700000000.{"id":"x"}'
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:<the key above, in hex> -binary | base64
        Map<String, String> headers = signer.headers(SUBSCRIPTION, DELIVERY, 1_700_000_000L, BODY);

        assertThat(headers)
                .containsOnly(
                        Map.entry("webhook-id", DELIVERY.toString()),
                        Map.entry("webhook-timestamp", "1700000000"),
                        Map.entry("webhook-signature", "v1,U4ALQMZdcBSsBnE9yllRN3kVTKEXD+MWTD78cXAyWx8="));
        assertThat(new Webhook(signer.secretOf(SUBSCRIPTION)).sign(DELIVERY.toString(), 1_700_000_000L, BODY))
                .as("the reference library's signature with the secret as shown")
                .isEqualTo(headers.get("webhook-signature"));
    }

    @Test
    void neverShowsTheGatewaySecret() {
        assertThat(signer.toString()).doesNotContain("test-signing-secret");
        assertThat(WebhookPropertiesTests.bind(Map.of("signing-secret", "test-signing-secret"))
                        .toString())
                .doesNotContain("test-signing-secret");
    }
}
