package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Month-to-date upstream usage as Prometheus gauges: {@code gateway.quota.month.requests{action}} and
 * {@code gateway.quota.month.billable{class}}. A scrape reads a snapshot at most {@value #MAX_AGE_SECONDS} s old, so
 * that frequent scrapes by several Prometheus servers do not each count the month's audit trail.
 */
@Component
class QuotaMetrics implements MeterBinder {

    static final long MAX_AGE_SECONDS = 30;

    private final MonthlyUsage monthly;
    private final AtomicReference<@Nullable Cached> cache = new AtomicReference<>();

    QuotaMetrics(MonthlyUsage monthly) {
        this.monthly = monthly;
    }

    private record Cached(MonthlyUsage.Snapshot snapshot, long takenAtNanos) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String action : RdsActions.ALL) {
            Gauge.builder(
                            "gateway.quota.month.requests",
                            this,
                            metrics -> metrics.snapshot().requestsPerAction().getOrDefault(action, 0L))
                    .description("Upstream requests of the cloud account this month, by action")
                    .tag("action", action)
                    .register(registry);
        }
        for (BillingClass billingClass : BillingClass.values()) {
            Gauge.builder(
                            "gateway.quota.month.billable",
                            this,
                            metrics -> metrics.snapshot()
                                    .classes()
                                    .get(billingClass)
                                    .billable())
                    .description("Billable upstream requests of the cloud account this month, past the free tier")
                    .tag("class", billingClass.name())
                    .register(registry);
        }
    }

    private MonthlyUsage.Snapshot snapshot() {
        Cached cached = cache.get();
        long now = System.nanoTime();
        if (cached == null
                || now - cached.takenAtNanos()
                        > Duration.ofSeconds(MAX_AGE_SECONDS).toNanos()) {
            cached = new Cached(monthly.now(), now);
            cache.set(cached);
        }
        return cached.snapshot();
    }
}
