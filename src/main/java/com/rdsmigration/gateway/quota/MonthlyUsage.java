package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.audit.AuditStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The account's upstream requests this month, per action and per billing class with its free and billable share. */
@Component
class MonthlyUsage {

    private final AuditStatistics audit;
    private final QuotaProperties properties;
    private final Clock clock;

    MonthlyUsage(AuditStatistics audit, QuotaProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** One billing class's requests this month: the first ones are free, the rest billable. */
    record ClassUsage(long requests, long free, long billable) {}

    /** This month's usage as of now. */
    record Snapshot(LocalDate month, Map<String, Long> requestsPerAction, Map<BillingClass, ClassUsage> classes) {}

    Snapshot now() {
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate month = now.toLocalDate().withDayOfMonth(1);
        Instant from = month.atStartOfDay(properties.zone()).toInstant();
        Map<String, Long> perAction =
                audit.requestsPerAction(from, now.toInstant().plus(Duration.ofNanos(1)));
        Map<BillingClass, Long> perClass = new EnumMap<>(BillingClass.class);
        perAction.forEach((action, requests) -> perClass.merge(BillingClass.of(action), requests, Long::sum));
        Map<BillingClass, ClassUsage> classes = new EnumMap<>(BillingClass.class);
        for (BillingClass billingClass : BillingClass.values()) {
            long requests = perClass.getOrDefault(billingClass, 0L);
            long free = Math.min(requests, properties.freeRequestsPerMonth().of(billingClass));
            classes.put(billingClass, new ClassUsage(requests, free, requests - free));
        }
        return new Snapshot(month, perAction, classes);
    }
}
