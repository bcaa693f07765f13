package com.rdsmigration.gateway.guided;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How guided migrations are driven ({@code gateway.guided.*}).
 *
 * @param checkPeriod how often the replica running the progress tracker advances the guided migrations
 * @param activationSettle an ActivateMigrationTargetInstance whose answer was lost, and whose effect the upstream still
 *     does not show this long after it was decided, is taken as never having reached the upstream: the cutover is held
 *     again by its gates and decided anew
 * @param sourcePasswordKey 32 bytes, base64-encoded: the AES key that seals a source password until the migration
 *     exists upstream; the same on every replica
 */
@Validated
@ConfigurationProperties("gateway.guided")
public record GuidedProperties(
        @NotNull @DefaultValue("1s") Duration checkPeriod,
        @NotNull @DefaultValue("2m") Duration activationSettle,
        @DefaultValue("") String sourcePasswordKey) {}
