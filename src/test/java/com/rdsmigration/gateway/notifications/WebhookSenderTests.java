package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
            assertThat(outcome.error()).isEqualTo("refused: address not allowed");
        }
    }

    /**
     * A team picks its webhook's port, and an exactly allow-listed host may be internal: if the error told a closed
     * port from a silent one or from one that does not speak TLS, webhooks would scan that host's ports. A receiver
     * that answered keeps its status.
     */
    @Test
    void tellsATeamOnlyNoAnswerWhetherAPortIsClosedSilentOrNotSpeakingTlsButKeepsAnAnswersStatus() throws Exception {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(List.of("127.0.0.1"), true, InetAddress::getAllByName);
        int closedPort;
        try (ServerSocketChannel closed = ServerSocketChannel.open()) {
            closedPort = ((InetSocketAddress)
                            closed.bind(new InetSocketAddress("127.0.0.1", 0)).getLocalAddress())
                    .getPort();
        }
        HttpServer answering = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answering.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        answering.start();
        try (ServerSocketChannel silent = ServerSocketChannel.open();
                WebhookSender sender = sender(policy)) {
            int silentPort = ((InetSocketAddress)
                            silent.bind(new InetSocketAddress("127.0.0.1", 0)).getLocalAddress())
                    .getPort();
            int answeringPort = answering.getAddress().getPort();

            WebhookSender.Outcome refused =
                    sender.send("http://127.0.0.1:" + closedPort + "/hook/t0ken?key=s3cret", Map.of(), "{}");
            WebhookSender.Outcome unanswered = sender.send("http://127.0.0.1:" + silentPort + "/hook", Map.of(), "{}");
            WebhookSender.Outcome notTls = sender.send("https://127.0.0.1:" + answeringPort + "/hook", Map.of(), "{}");
            WebhookSender.Outcome answered = sender.send("http://127.0.0.1:" + answeringPort + "/hook", Map.of(), "{}");

            assertThat(List.of(refused, unanswered, notTls))
                    .extracting(WebhookSender.Outcome::error, WebhookSender.Outcome::httpStatus)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple("no answer", null));
            assertThat(refused.detail())
                    .as("what happened, for the server's log, without the URL's path or query")
                    .contains("Connection refused")
                    .doesNotContain("t0ken", "s3cret");
            assertThat(answered.error()).isEqualTo("HTTP 503");
            assertThat(answered.httpStatus()).isEqualTo(503);
        } finally {
            answering.stop(0);
        }
    }
}
