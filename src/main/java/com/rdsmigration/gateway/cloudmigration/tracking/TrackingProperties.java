package com.rdsmigration.gateway.cloudmigration.tracking;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How fresh upstream state must be, and how the background tracker keeps it so ({@code gateway.tracking.*}).
 *
 * @param maxStaleness a GET reads upstream again when the stored state is older than this
 * @param interval how soon the tracker reads an active task again after a read that found a change
 * @param maxInterval the longest it waits between two reads of an active task: each read in a row that finds nothing
 *     new doubles the wait, up to this
 * @param lockPeriod how long the replica running the tracker holds its lock without renewing it: a replica that dies
 *     holding it is taken over by another at most this long after its last renewal
 * @param checkPeriod how often the replica holding the lock looks for due tasks, and the others for a free lock
 * @param trackerEnabled whether this replica takes part in running the tracker at all
 */
@Validated
@ConfigurationProperties("gateway.tracking")
public record TrackingProperties(
        @NotNull @DefaultValue("10s") Duration maxStaleness,
        @NotNull @DefaultValue("15s") Duration interval,
        @NotNull @DefaultValue("1m") Duration maxInterval,
        @NotNull @DefaultValue("30s") Duration lockPeriod,
        @NotNull @DefaultValue("1s") Duration checkPeriod,
        @DefaultValue("true") boolean trackerEnabled) {

    @AssertTrue(message = "must be positive, with max-interval at least interval")
    boolean isIntervalConsistent() {
        return interval == null || maxInterval == null || (positive(interval) && maxInterval.compareTo(interval) >= 0);
    }

    @AssertTrue(message = "lock-period must be longer than check-period, which must be positive")
    boolean isLockPeriodConsistent() {
        return checkPeriod == null
                || lockPeriod == null
                || (positive(checkPeriod) && lockPeriod.compareTo(checkPeriod) > 0);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
