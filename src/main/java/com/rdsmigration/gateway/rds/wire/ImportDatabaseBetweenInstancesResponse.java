package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of ImportDatabaseBetweenInstances. {@code ImportId} arrives as a JSON string or number and can exceed 32
 * bits, so it is kept as the decimal text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportDatabaseBetweenInstancesResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("ImportId") String importId) implements RdsResponse {}
