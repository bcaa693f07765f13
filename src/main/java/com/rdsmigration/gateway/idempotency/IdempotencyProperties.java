package com.rdsmigration.gateway.idempotency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long idempotency keys live ({@code gateway.idempotency.*}). The contract promises a replay for 24 hours, so a
 * shorter retention fails start-up.
 *
 * @param retention how long a remembered answer is replayed, counted from when it was given
 * @param inFlightTimeout a request still marked running after this long is taken to have died with its replica; a
 *     retry with its key then runs afresh. Keep it above the longest a request can take (upstream timeouts, retries)
 * @param purgeInterval how often expired keys are deleted
 * @param purgeBatchSize how many expired keys one delete statement removes at most
 * @param fingerprintSecret the key of the request fingerprints; the same on every replica. Required in {@code prod}
 */
@Validated
@ConfigurationProperties("gateway.idempotency")
record IdempotencyProperties(
        @NotNull @DurationMin(hours = 24) @DefaultValue("24h")
        Duration retention,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("5m")
        Duration inFlightTimeout,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("10m")
        Duration purgeInterval,

        @Min(1) @Max(100_000) @DefaultValue("1000") int purgeBatchSize,

        @Nullable String fingerprintSecret) {

    @Override
    public String toString() {
        return "IdempotencyProperties[retention=" + retention + ", inFlightTimeout=" + inFlightTimeout
                + ", purgeInterval=" + purgeInterval + ", purgeBatchSize=" + purgeBatchSize
                + ", fingerprintSecret=******]";
    }
}
