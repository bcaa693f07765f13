package com.rdsmigration.gateway.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reconciler of tasks whose create outcome is unknown ({@code gateway.reconciler.*}).
 *
 * @param interval how often it runs (it also runs once at start-up)
 * @param grace how old a PENDING or UNKNOWN task must be before it is reconciled; longer than any create can take
 *     with its retries, so a create still in flight is never touched
 */
@Validated
@ConfigurationProperties("gateway.reconciler")
public record ReconcilerProperties(
        @NotNull @DefaultValue("1m") Duration interval,
        @NotNull @DefaultValue("2m") Duration grace) {}
