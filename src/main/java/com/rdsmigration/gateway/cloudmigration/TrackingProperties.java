package com.rdsmigration.gateway.cloudmigration;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How fresh upstream state must be ({@code gateway.tracking.*}).
 *
 * @param maxStaleness a GET reads upstream again when the stored state is older than this
 * @param interval how often the background tracker refreshes active tasks
 */
@Validated
@ConfigurationProperties("gateway.tracking")
record TrackingProperties(
        @NotNull @DefaultValue("10s") Duration maxStaleness,
        @NotNull @DefaultValue("15s") Duration interval) {}
