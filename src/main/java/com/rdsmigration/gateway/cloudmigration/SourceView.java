package com.rdsmigration.gateway.cloudmigration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The source of a task as it is shown: never with its password; bounded as the request that named it. */
@Schema(name = "SourceView")
public record SourceView(
        @Schema(example = "172.16.0.10") @Size(min = 1, max = HostName.MAX_LENGTH)
        String host,

        @Schema(example = "5432") @Min(1) @Max(65535) int port,

        @Schema(example = "migratetest", pattern = MigrationSource.ACCOUNT_PATTERN)
        @Size(min = 1, max = MigrationSource.MAX_ACCOUNT_LENGTH)
        String account,

        @Schema(
                example = "ecsOnVpc",
                allowableValues = {"ecsOnVpc", "idcOnVpc", "internet", "aliyunRDS", "other"})
        String category) {

    public static SourceView of(MigrationSource source) {
        return new SourceView(source.host(), source.port(), source.account(), source.category());
    }
}
