package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a team is told of a failed attempt: nothing that would tell one port's state from another's. */
class DeliveryErrorsTests {

    static Stream<IOException> failuresWithoutAnAnswer() {
        return Stream.of(
                new HttpHostConnectException("Connect to http://10.0.0.5:22 [/10.0.0.5] failed: Connection refused"),
                new ConnectException("Connection refused"),
                new NoRouteToHostException("No route to host"),
                new PortUnreachableException("ICMP Port Unreachable"),
                new ConnectTimeoutException("Connect to http://10.0.0.5:23 [/10.0.0.5] failed: Connect timed out"),
                new SocketTimeoutException("Read timed out"),
                new SocketException("Connection reset"),
                new SSLHandshakeException("Unsupported or unrecognized SSL message"),
                new NoHttpResponseException("10.0.0.5:6379 failed to respond"),
                new IOException("something else", new SocketException("Broken pipe")));
    }

    @ParameterizedTest
    @MethodSource("failuresWithoutAnAnswer")
    void describesEveryFailureWithoutAnAnswerAlike(IOException failure) {
        assertThat(DeliveryErrors.describe(failure)).isEqualTo("no answer");
    }

    @Test
    void namesTheRefusalOfTheAddressPolicyWithoutItsDetails() {
        IOException refused = new IOException(
                "connect failed",
                new WebhookUrlPolicy.RefusedHostException(
                        "resolves to a loopback, private, link-local or multicast address",
                        DeliveryErrors.ADDRESS_NOT_ALLOWED));

        assertThat(DeliveryErrors.describe(refused)).isEqualTo("refused: address not allowed");
    }

    @Test
    void keepsTheStatusOfAReceiverThatAnswered() {
        assertThat(WebhookSender.Outcome.answered(503).error()).isEqualTo("HTTP 503");
        assertThat(WebhookSender.Outcome.answered(503).httpStatus()).isEqualTo(503);
        assertThat(WebhookSender.Outcome.answered(204).delivered()).isTrue();
    }
}
