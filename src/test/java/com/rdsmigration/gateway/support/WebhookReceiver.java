package com.rdsmigration.gateway.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a free port of 127.0.0.1 (the JDK's HTTP server) that records every request (tests verify
 * them as a receiving team would, with the Standard Webhooks library: {@link Received#verify(String)}) and answers
 * each delivery id's n-th attempt with the status its script gives (200 unless told otherwise); or, {@link
 * #holding(CountDownLatch) holding}, one that keeps requests open unanswered until the test lets them go, as a receiver
 * that never answers would (without waiting for any timeout).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One request as received: its headers and raw body, which a receiver verifies with the Standard Webhooks library
     * before trusting anything in them.
     */
    public record Received(Map<String, List<String>> headers, String body, int answeredWith) {

        public Received {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            headers = Collections.unmodifiableMap(copy);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** {@code webhook-id}: the delivery's id, the same on every attempt of it. */
        public String deliveryId() {
            return header("webhook-id");
        }

        /** {@code webhook-timestamp}: when this attempt was signed, in unix seconds. */
        public long timestamp() {
            return Long.parseLong(header("webhook-timestamp"));
        }

        /** The first value of a header, named in any case; empty when it was not sent. */
        public String header(String name) {
            List<String> values = headers.getOrDefault(name, List.of());
            return values.isEmpty() ? "" : values.get(0);
        }

        /**
         * Verifies the request as a receiving team would, with the Standard Webhooks library and the webhook's
         * {@code whsec_} secret: the signature over id, timestamp and body, and a timestamp within five minutes of
         * this machine's clock.
         *
         * @throws WebhookVerificationException saying what is wrong
         */
        public void verify(String secret) throws WebhookVerificationException {
            try {
                new Webhook(secret).verify(body, headers);
            } catch (EmptyWebhookSecretException e) {
                throw new IllegalArgumentException("No secret to verify with", e);
            }
        }

        /** Whether {@link #verify(String) the library accepts it} with this secret. */
        public boolean verifiedWith(String secret) {
            try {
                verify(secret);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }

        /** This request with another body, as someone on the way could send it. */
        public Received withBody(String otherBody) {
            return new Received(headers, otherBody, answeredWith);
        }

        /** This request with one header replaced, as someone on the way could send it. */
        public Received withHeader(String name, String value) {
            Map<String, List<String>> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            changed.putAll(headers);
            changed.put(name, List.of(value));
            return new Received(changed, body, answeredWith);
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
            String id = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!awaitRelease()) {
                exchange.close();
                return;
            }
            int status = script.applyAsInt(
                    attempts.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet());
            received.add(new Received(exchange.getRequestHeaders(), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
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

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
