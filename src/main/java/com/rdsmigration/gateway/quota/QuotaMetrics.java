package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The account's usage as Prometheus gauges: month to date {@code gateway.quota.month.requests{action}},
 * {@code gateway.quota.month.cost{action}} (CNY) and {@code gateway.quota.month.billable{class}}, and today's
 * {@code gateway.quota.day.task.creations} against {@code gateway.quota.day.task.limit}. A scrape reads a snapshot at
 * most {@value #MAX_AGE_SECONDS} s old, so that several Prometheus servers scraping often cost one read between them.
 */
@Component
class QuotaMetrics implements MeterBinder {

    static final long MAX_AGE_SECONDS = 30;

    private final AccountUsage usage;
    private final DailyTaskQuota daily;
    private final QuotaProperties properties;
    private final AtomicReference<@Nullable Snapshot> cache = new AtomicReference<>();

    QuotaMetrics(AccountUsage usage, DailyTaskQuota daily, QuotaProperties properties) {
        this.usage = usage;
        this.daily = daily;
        this.properties = properties;
    }

    private record Snapshot(UsageReport report, int taskCreationsToday, long takenAtNanos) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String action : RdsActions.ALL) {
            gauge(
                            "gateway.quota.month.requests",
                            "Upstream requests of the cloud account this month",
                            s -> monthOf(s, action).requests())
                    .tag("action", action)
                    .register(registry);
            gauge(
                            "gateway.quota.month.cost",
                            "Estimated cost of the month's upstream requests",
                            s -> monthOf(s, action).estimatedCostCny().doubleValue())
                    .baseUnit("cny")
                    .tag("action", action)
                    .register(registry);
        }
        for (BillingClass billingClass : BillingClass.values()) {
            gauge(
                            "gateway.quota.month.billable",
                            "Upstream requests this month past the free tier",
                            s -> s.report()
                                    .month()
                                    .classes()
                                    .getOrDefault(billingClass, Usage.NONE)
                                    .billable())
                    .tag("class", billingClass.name())
                    .register(registry);
        }
        gauge("gateway.quota.day.task.creations", "Task creations today", Snapshot::taskCreationsToday)
                .register(registry);
        Gauge.builder("gateway.quota.day.task.limit", properties, QuotaProperties::dailyTaskLimit)
                .description("Task creations a day the cloud account may make")
                .register(registry);
    }

    private Gauge.Builder<QuotaMetrics> gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.snapshot()))
                .description(description);
    }

    private static Usage monthOf(Snapshot snapshot, String action) {
        return snapshot.report().month().actions().getOrDefault(action, Usage.NONE);
    }

    private Snapshot snapshot() {
        Snapshot cached = cache.get();
        long now = System.nanoTime();
        if (cached == null
                || now - cached.takenAtNanos()
                        > Duration.ofSeconds(MAX_AGE_SECONDS).toNanos()) {
            UsageReport report = usage.now();
            cached = new Snapshot(report, daily.admittedOn(report.today()), now);
            cache.set(cached);
        }
        return cached;
    }
}
