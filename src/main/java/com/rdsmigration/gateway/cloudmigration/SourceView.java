package com.rdsmigration.gateway.cloudmigration;

import io.swagger.v3.oas.annotations.media.Schema;

/** The source of a task as it is shown: never with its password. */
@Schema(name = "SourceView")
record SourceView(
        @Schema(example = "172.16.0.10") String host,
        @Schema(example = "5432") int port,
        @Schema(example = "migratetest") String account,
        @Schema(example = "ecsOnVpc") String category) {

    static SourceView of(MigrationSource source) {
        return new SourceView(source.host(), source.port(), source.account(), source.category());
    }
}
