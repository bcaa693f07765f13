package com.rdsmigration.gateway.quota;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The cloud account's usage report as of now, in the days of {@code gateway.quota.zone}. */
@Component
class AccountUsage {

    private final UsageLedger ledger;
    private final CloudAccount account;
    private final QuotaProperties properties;
    private final Clock clock;

    AccountUsage(UsageLedger ledger, CloudAccount account, QuotaProperties properties, Clock clock) {
        this.ledger = ledger;
        this.account = account;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    UsageReport now() {
        LocalDate today = today();
        return UsageReport.of(
                ledger.entries(account.id(), today.withDayOfMonth(1), today),
                today,
                properties.freeRequestsPerMonth(),
                properties.pricing());
    }
}
