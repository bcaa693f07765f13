package com.rdsmigration.gateway.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail ({@code gateway.audit.*}).
 *
 * @param retention how long events are kept
 * @param purgeInterval how often older events are deleted
 * @param purgeBatchSize how many rows one delete removes, so that a purge never holds long locks
 */
@Validated
@ConfigurationProperties("gateway.audit")
record AuditProperties(
        @NotNull @DefaultValue("400d") Duration retention,
        @NotNull @DefaultValue("1h") Duration purgeInterval,
        @Positive @DefaultValue("5000") int purgeBatchSize) {}
