package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sending HTTP client against real sockets on 127.0.0.1, with names resolved by a resolver the test controls: what
 * it connects to, and what a team is told when an attempt fails.
 */
class WebhookSenderTests {

    static WebhookSender sender(WebhookUrlPolicy policy) {
        return new WebhookSender(policy, Duration.ofSeconds(2), Duration.ofMillis(300), 2);
    }

    /**
     * An "internal" listener on 127.0.0.1 and a name that resolves to it in IPv6 form, as an AAAA record would: the
     * guarded resolver refuses the address before the client opens a socket, so no connection waits at the listener
     * (the kernel completes a TCP handshake into the accept queue before the client's connect returns).
     */
    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:0:127.0.0.1", "::127.0.0.1"})
    void opensNoConnectionToANameResolvingToAnInternalIpv4InsideAnIpv6Address(String address) throws Exception {
        try (ServerSocketChannel internal = ServerSocketChannel.open()) {
            internal.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            internal.configureBlocking(false);
            int port = ((InetSocketAddress) internal.getLocalAddress()).getPort();
            WebhookUrlPolicy policy = new WebhookUrlPolicy(List.of("*.hooks.example.net"), true, host ->
                    new InetAddress[] {AddressRangesTests.resolvedIpv6(address)});

            WebhookSender.Outcome outcome;
            try (WebhookSender sender = sender(policy)) {
                outcome = sender.send("http://internal.hooks.example.net:" + port + "/hook", Map.of(), "{}");
            }

            assertThat(internal.accept())
                    .as("a connection reached the internal listener")
                    .isNull();
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.httpStatus()).isNull();
            assertThat(outcome.error()).startsWith("refused:");
        }
    }
}
