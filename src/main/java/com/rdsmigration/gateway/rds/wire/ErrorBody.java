package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The error answer of every action (docs/rds-openapi-notes.md, "Errors"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBody(
        @JsonProperty("RequestId") @Nullable String requestId,
        @JsonProperty("HostId") @Nullable String hostId,
        @JsonProperty("Code") @Nullable String code,
        @JsonProperty("Message") @Nullable String message,
        @JsonProperty("Recommend") @Nullable String recommend) {}
