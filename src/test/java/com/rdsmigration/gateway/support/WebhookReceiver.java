package com.rdsmigration.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a free port of 127.0.0.1 (the JDK's HTTP server) that records every request and answers
 * each delivery id's n-th attempt with the status its script gives (200 unless told otherwise); or, {@link
 * #holding(CountDownLatch) holding}, one that keeps requests open unanswered until the test lets them go, as a receiver
 * that never answers would (without waiting for any timeout).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received. */
    public record Received(String deliveryId, String signature, String body, int answeredWith) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code t} of the signature header. */
        public long timestamp() {
            return Long.parseLong(signature.substring(2, signature.indexOf(',')));
        }

        /** Whether the signature is HMAC-SHA256 of {@code t.body} under this secret, recomputed independently. */
        public boolean signedWith(String secret) {
            String expected = "t=" + timestamp() + ",v1=" + hmacHex(secret, timestamp() + "." + body);
            return expected.equals(signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile IntUnaryOperator script = attempt -> 200;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final AtomicInteger held = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String id = String.valueOf(exchange.getRequestHeaders().getFirst("X-Gateway-Webhook-Id"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!awaitRelease()) {
                exchange.close();
                return;
            }
            int status = script.applyAsInt(
                    attempts.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet());
            received.add(new Received(
                    id, String.valueOf(exchange.getRequestHeaders().getFirst("X-Gateway-Signature")), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    /**
     * Holds each request, unanswered, until {@code release} is counted down; {@link #held()} counts those held now.
     * The server answers at most 8 requests at once, held or not.
     */
    public WebhookReceiver holding(CountDownLatch release) {
        this.release = release;
        return this;
    }

    /** Requests received and held unanswered at this moment. */
    public int held() {
        return held.get();
    }

    private boolean awaitRelease() {
        held.incrementAndGet();
        try {
            release.await();
            return true;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            held.decrementAndGet();
        }
    }

    /** Answers each delivery's n-th attempt (from 1) with {@code script(n)}. */
    public WebhookReceiver answering(IntUnaryOperator script) {
        this.script = script;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests that told a change of this task. */
    public List<Received> about(Object taskId) {
        return received().stream()
                .filter(request ->
                        request.json().path("task").path("id").asString().equals(taskId.toString()))
                .toList();
    }

    public static String hmacHex(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
