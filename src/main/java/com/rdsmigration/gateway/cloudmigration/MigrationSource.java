package com.rdsmigration.gateway.cloudmigration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The self-managed PostgreSQL to migrate from. The password is write-only: it is sent upstream, never returned or
 * logged, and stored only by a guided migration, sealed, until its migration exists upstream.
 */
@Schema(name = "Source")
public record MigrationSource(
        @Schema(description = "IPv4, IPv6 or DNS name of the source PostgreSQL.", example = "172.16.0.10")
        @NotBlank
        @Size(max = HostName.MAX_LENGTH)
        @HostName
        @Nullable
        String host,

        @Schema(example = "5432") @NotNull @Min(1) @Max(65535) @Nullable
        Integer port,

        @Schema(description = "Migration account on the source.", example = "migratetest")
        @NotBlank
        @Size(max = MAX_ACCOUNT_LENGTH)
        @Pattern(regexp = ACCOUNT_PATTERN, message = "must be a PostgreSQL role name")
        @Nullable
        String account,

        @Schema(
                description = "Password of the account. Write-only: never returned or logged; kept only by a guided"
                        + " migration, sealed, until its migration exists upstream.",
                accessMode = Schema.AccessMode.WRITE_ONLY,
                format = "password",
                example = "change-me")
        @NotBlank
        @Size(max = 128)
        @Nullable
        String password,

        @Schema(
                description = "Where the source runs: ecsOnVpc, idcOnVpc, internet (aliyunRDS and other are"
                        + " accepted too).",
                example = "ecsOnVpc",
                allowableValues = {"ecsOnVpc", "idcOnVpc", "internet", "aliyunRDS", "other"})
        @NotBlank
        @Pattern(
                regexp = "^(ecsOnVpc|idcOnVpc|internet|aliyunRDS|other)$",
                message = "must be one of ecsOnVpc, idcOnVpc, internet, aliyunRDS, other")
        @Nullable
        String category) {

    /** PostgreSQL's limit on a role name (NAMEDATALEN - 1). */
    static final int MAX_ACCOUNT_LENGTH = 63;

    static final String ACCOUNT_PATTERN = "^[A-Za-z_][A-Za-z0-9_$-]*$";

    MigrationSource(String host, int port, String account, @Nullable String password, String category) {
        this(host, Integer.valueOf(port), account, password, category);
    }

    @Override
    public String toString() {
        return "MigrationSource[" + account + "@" + host + ":" + port + ", category=" + category + ", password=******]";
    }
}
