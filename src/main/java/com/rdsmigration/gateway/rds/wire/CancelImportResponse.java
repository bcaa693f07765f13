package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of CancelImport: only the request id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelImportResponse(
        @JsonProperty("RequestId") String requestId) implements RdsResponse {}
