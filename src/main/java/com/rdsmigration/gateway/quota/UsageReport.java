package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The account's usage today and this month, from its counters. Free tier and tier prices apply per billing class to
 * the month's requests in the order of their days: today's free and billable requests are what today added to the
 * month's. Within a class, the free requests and the cost are shared out to actions and teams in proportion to their
 * requests (so the parts add up to the class, give or take the last digit of a cost).
 */
record UsageReport(LocalDate today, LocalDate monthStart, Period day, Period month) {

    /** A period's usage: in all, and by billing class, action and team. */
    record Period(
            Usage total, Map<BillingClass, Usage> classes, Map<String, Usage> actions, Map<String, Usage> teams) {}

    /** The report of {@code entries}, the counters of the month up to {@code today}. */
    static UsageReport of(
            List<UsageLedger.Entry> entries,
            LocalDate today,
            QuotaProperties.FreeTier freeTier,
            QuotaProperties.Pricing pricing) {
        Builder day = new Builder();
        Builder month = new Builder();
        for (BillingClass billingClass : BillingClass.values()) {
            List<UsageLedger.Entry> ofClass = entries.stream()
                    .filter(entry -> BillingClass.of(entry.action()) == billingClass)
                    .toList();
            List<UsageLedger.Entry> ofToday =
                    ofClass.stream().filter(entry -> entry.day().equals(today)).toList();
            long monthRequests = requests(ofClass);
            long earlierRequests = monthRequests - requests(ofToday);
            Usage wholeMonth = billed(monthRequests, freeTier.of(billingClass), pricing.of(billingClass));
            Usage beforeToday = billed(earlierRequests, freeTier.of(billingClass), pricing.of(billingClass));
            month.add(billingClass, wholeMonth, ofClass);
            day.add(billingClass, minus(wholeMonth, beforeToday), ofToday);
        }
        return new UsageReport(today, today.withDayOfMonth(1), day.build(), month.build());
    }

    /** The first {@code requests} of a class's month: the free tier first, then the tiers' prices. */
    private static Usage billed(long requests, long freeTier, List<QuotaProperties.PriceTier> tiers) {
        long free = Math.min(requests, freeTier);
        return new Usage(requests, free, requests - free, PriceList.cost(tiers, requests - free), 0);
    }

    private static Usage minus(Usage whole, Usage part) {
        return new Usage(
                whole.requests() - part.requests(),
                whole.free() - part.free(),
                whole.billable() - part.billable(),
                whole.estimatedCostCny().subtract(part.estimatedCostCny()),
                0);
    }

    private static long requests(List<UsageLedger.Entry> entries) {
        return entries.stream().mapToLong(UsageLedger.Entry::requests).sum();
    }

    private static long taskCreations(List<UsageLedger.Entry> entries) {
        return entries.stream()
                .filter(entry -> RdsActions.TASK_CREATIONS.contains(entry.action()))
                .mapToLong(UsageLedger.Entry::calls)
                .sum();
    }

    /** Collects one period, a billing class at a time. */
    private static final class Builder {

        private Usage total = Usage.NONE;
        private final Map<BillingClass, Usage> classes = new EnumMap<>(BillingClass.class);
        private final Map<String, Usage> actions = new TreeMap<>();
        private final Map<String, Usage> teams = new TreeMap<>();

        void add(BillingClass billingClass, Usage usage, List<UsageLedger.Entry> entries) {
            Usage withCreations = usage.plus(new Usage(0, 0, 0, BigDecimal.ZERO, taskCreations(entries)));
            classes.put(billingClass, withCreations);
            total = total.plus(withCreations);
            shareOut(usage, entries, UsageLedger.Entry::action)
                    .forEach((action, part) -> actions.merge(action, part, Usage::plus));
            shareOut(usage, entries, UsageLedger.Entry::team)
                    .forEach((team, part) -> teams.merge(team, part, Usage::plus));
        }

        Period build() {
            return new Period(total, Map.copyOf(classes), Map.copyOf(actions), Map.copyOf(teams));
        }
    }

    /**
     * Shares a class's free requests and cost out to the parts of {@code entries} grouped by {@code part}: free
     * requests in proportion to requests (largest remainders get the odd ones), the cost in proportion to what is
     * left billable.
     */
    private static Map<String, Usage> shareOut(
            Usage whole, List<UsageLedger.Entry> entries, Function<UsageLedger.Entry, String> part) {
        Map<String, List<UsageLedger.Entry>> parts = new TreeMap<>();
        entries.forEach(entry -> parts.computeIfAbsent(part.apply(entry), key -> new ArrayList<>())
                .add(entry));
        Map<String, Long> free = largestRemainders(whole.free(), whole.requests(), parts);
        Map<String, Usage> shares = new TreeMap<>();
        parts.forEach((name, ofPart) -> {
            long requests = requests(ofPart);
            long billable = requests - free.get(name);
            BigDecimal cost = whole.billable() == 0
                    ? BigDecimal.ZERO
                    : whole.estimatedCostCny()
                            .multiply(BigDecimal.valueOf(billable))
                            .divide(BigDecimal.valueOf(whole.billable()), Usage.COST_SCALE, RoundingMode.HALF_UP);
            shares.put(name, new Usage(requests, free.get(name), billable, cost, taskCreations(ofPart)));
        });
        return shares;
    }

    private static Map<String, Long> largestRemainders(
            long amount, long totalWeight, Map<String, List<UsageLedger.Entry>> parts) {
        Map<String, Long> shares = new TreeMap<>();
        Map<String, Long> remainders = new TreeMap<>();
        long given = 0;
        for (Map.Entry<String, List<UsageLedger.Entry>> part : parts.entrySet()) {
            long weighted = Math.multiplyExact(amount, requests(part.getValue()));
            long share = totalWeight == 0 ? 0 : weighted / totalWeight;
            shares.put(part.getKey(), share);
            remainders.put(part.getKey(), totalWeight == 0 ? 0 : weighted % totalWeight);
            given += share;
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(
                Comparator.comparing((String name) -> remainders.get(name)).reversed());
        for (int i = 0; i < amount - given; i++) {
            shares.merge(byRemainder.get(i), 1L, Long::sum);
        }
        return shares;
    }
}
