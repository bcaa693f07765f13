package com.rdsmigration.gateway.quota;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quotas ({@code gateway.quota.*}).
 *
 * @param account the cloud account the counters belong to (by default the configured AccessKeyId)
 * @param dailyTaskLimit upstream task creations (imports, prechecks, migrations) a day for the account, all replicas
 *     together
 * @param zone where the upstream's day begins and ends
 */
@Validated
@ConfigurationProperties("gateway.quota")
record QuotaProperties(
        @NotBlank @DefaultValue("default") String account,
        @PositiveOrZero @DefaultValue("1000") int dailyTaskLimit,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone) {}
