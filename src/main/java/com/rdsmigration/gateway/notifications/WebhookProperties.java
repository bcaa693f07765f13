package com.rdsmigration.gateway.notifications;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings ({@code gateway.webhooks.*}).
 *
 * @param signingSecret the gateway's secret each subscription's signing secret is derived from; the same on every
 *     replica. Required in {@code prod}; changing it changes every subscription's secret
 * @param allowedHosts hosts a webhook URL may name: exact names ({@code hooks.example.com}, {@code 10.1.2.3}) or
 *     {@code *.example.com} for any name under a domain. Empty: no webhook can be registered or sent
 * @param allowHttp whether plain {@code http} URLs are accepted; otherwise {@code https} only
 * @param maxAttempts attempts of one delivery before it is given up as FAILED
 * @param backoff the waits after the first, second, ... failed attempt; the last one repeats
 * @param connectTimeout how long connecting to a receiver may take
 * @param readTimeout how long a receiver may take to answer (between packets and in all)
 * @param pollInterval how often each replica looks for due deliveries
 * @param batchSize how many due deliveries one claim looks at, in turns across teams; it takes those it has free
 *     sending slots for
 * @param concurrency how many deliveries a replica sends at once
 * @param teamConcurrency how many of them may be one team's: the rest stay free for the other teams, so one team's
 *     slow or dead receivers cannot hold up another team's deliveries. At most {@code concurrency}
 * @param claimTimeout a delivery claimed this long ago without an outcome (its replica died) is sent again
 * @param retention how long delivered and failed deliveries are kept (they make a subscription's counts)
 * @param maxSubscriptionsPerTeam how many subscriptions a team may have
 */
@Validated
@ConfigurationProperties("gateway.webhooks")
record WebhookProperties(
        @Nullable String signingSecret,
        @NotNull @DefaultValue List<String> allowedHosts,
        @DefaultValue("false") boolean allowHttp,
        @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,

        @NotEmpty @DefaultValue({"10s", "30s", "2m", "10m", "1h"})
        List<Duration> backoff,

        @NotNull @DurationMin(millis = 100) @DefaultValue("2s")
        Duration connectTimeout,

        @NotNull @DurationMin(millis = 100) @DefaultValue("5s")
        Duration readTimeout,

        @NotNull @DurationMin(millis = 100) @DefaultValue("1s")
        Duration pollInterval,

        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,
        @Min(1) @Max(256) @DefaultValue("8") int concurrency,
        @Min(1) @Max(256) @DefaultValue("2") int teamConcurrency,

        @NotNull @DurationMin(seconds = 30) @DefaultValue("2m")
        Duration claimTimeout,

        @NotNull @DurationMin(hours = 1) @DefaultValue("7d") Duration retention,
        @Min(1) @Max(10_000) @DefaultValue("100") int maxSubscriptionsPerTeam) {

    /**
     * A team's share larger than all the slots is a mistake; equal to them, a team may take every slot and the others
     * wait behind its slow receivers again, which only suits a gateway with one team or one slot.
     */
    @AssertTrue(message = "team-concurrency must not exceed concurrency")
    boolean isTeamConcurrencyWithinConcurrency() {
        return teamConcurrency <= concurrency;
    }

    /** The wait after the {@code attempts}-th failed attempt (from 1). */
    Duration backoffAfter(int attempts) {
        return backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
    }

    @Override
    public String toString() {
        return "WebhookProperties[signingSecret=******, allowedHosts=" + allowedHosts + ", allowHttp=" + allowHttp
                + ", maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", pollInterval=" + pollInterval + ", batchSize=" + batchSize
                + ", concurrency=" + concurrency + ", teamConcurrency=" + teamConcurrency + ", claimTimeout="
                + claimTimeout + ", retention=" + retention
                + ", maxSubscriptionsPerTeam=" + maxSubscriptionsPerTeam + "]";
    }
}
