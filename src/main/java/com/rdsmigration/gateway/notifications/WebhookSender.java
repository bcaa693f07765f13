package com.rdsmigration.gateway.notifications;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
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

    /** How an attempt went: a status code when the receiver answered, an error when it was not accepted. */
    record Outcome(@Nullable Integer httpStatus, @Nullable String error) {

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
            int status = response.getCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException e) {
            return new Outcome(null, post.isCancelled() ? "timed out" : describe(e));
        } finally {
            cutoff.cancel(false);
        }
    }

    /** A short reason that names neither the URL (it may hold a token) nor anything the receiver sent. */
    static String describe(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebhookUrlPolicy.RefusedHostException refused) {
                return "refused: the URL " + refused.getMessage();
            }
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return "timed out";
        }
        if (failure instanceof UnknownHostException) {
            return "cannot resolve the host";
        }
        if (failure instanceof ConnectException) {
            return "cannot connect";
        }
        if (failure instanceof SSLException) {
            return "TLS failed";
        }
        return "I/O error (" + failure.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        client.close();
    }
}
