package com.rdsmigration.gateway.notifications;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * POSTs deliveries: its own HTTP client, apart from the upstream's (no audit, no retries of its own), that resolves
 * names through {@link GuardedDnsResolver}, follows no redirect, keeps no cookie, and gives up on a receiver after
 * the connect timeout plus the read timeout in all, however slowly it trickles its answer. The answer's body is never
 * read: only the status counts.
 */
final class WebhookSender implements AutoCloseable {

    /**
     * How an attempt went: a status code when the receiver answered, an error when it was not accepted (in the words
     * of {@link DeliveryErrors}, shown to the team), and what happened in full for the server's log only.
     */
    record Outcome(
            @Nullable Integer httpStatus,
            @Nullable String error,
            @Nullable String detail) {

        static Outcome answered(int status) {
            return new Outcome(status, status >= 200 && status < 300 ? null : DeliveryErrors.httpStatus(status), null);
        }

        static Outcome failed(String error, String detail) {
            return new Outcome(null, error, detail);
        }

        boolean delivered() {
            return error == null;
        }
    }

    private final CloseableHttpClient client;
    private final Duration deadline;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadline");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(WebhookUrlPolicy policy, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        this.deadline = connectTimeout.plus(readTimeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy))
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("rds-migration-gateway-webhooks")
                .build();
    }

    Outcome send(String url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        ScheduledFuture<?> cutoff = timer.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            return Outcome.answered(response.getCode());
        } catch (IOException e) {
            String detail = post.isCancelled() ? "no answer within " + deadline : e.toString();
            return Outcome.failed(DeliveryErrors.describe(e), withoutPathOf(url, detail));
        } finally {
            cutoff.cancel(false);
        }
    }

    /**
     * The detail without the URL's path and query, which may hold the receiver's token (HttpClient's messages name
     * only the scheme, host and port, but a message is not a contract).
     */
    private static String withoutPathOf(String url, String detail) {
        String safe = detail;
        try {
            URI uri = URI.create(url);
            if (uri.getRawQuery() != null) {
                safe = safe.replace(uri.getRawQuery(), "...");
            }
            if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
                safe = safe.replace(uri.getRawPath(), "/...");
            }
            return safe;
        } catch (IllegalArgumentException e) {
            return safe;
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        client.close();
    }
}
