package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Known answers computed with openssl, as the README shows receivers. */
class WebhookSignerTests {

    static final UUID SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-000000000001");

    final WebhookSigner signer = new WebhookSigner("test-signing-secret");

    @Test
    void derivesEachSubscriptionsSecretAsHmacOfItsIdUnderTheGatewaySecret() {
        // printf %s 00000000-0000-0000-0000-000000000001 | openssl dgst -sha256 -hmac test-signing-secret
        assertThat(signer.secretOf(SUBSCRIPTION))
                .isEqualTo("044bc7f48e9f6083a11ac7eb7806382660ffbf3e1c3b23f526252cb4fb159591");
        assertThat(signer.secretOf(UUID.randomUUID())).isNotEqualTo(signer.secretOf(SUBSCRIPTION));
    }

    @Test
    void signsTheTimestampAndBodyWithTheSubscriptionsSecret() {
        // printf %s '1700000000.{"id":"x"}' | openssl dgst -sha256 -hmac <the secret above>
        assertThat(signer.signature(SUBSCRIPTION, 1_700_000_000L, "{\"id\":\"x\"}"))
                .isEqualTo("t=1700000000,v1=7a4313f75e313a7de0488c25723021404cd5b07bc035351462c4c3d699fff6e6");
    }

    @Test
    void neverShowsTheGatewaySecret() {
        assertThat(signer.toString()).doesNotContain("test-signing-secret");
        assertThat(WebhookPropertiesTests.bind(Map.of("signing-secret", "test-signing-secret"))
                        .toString())
                .doesNotContain("test-signing-secret");
    }
}
