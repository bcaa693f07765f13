package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answer of DescribeDBInstanceAttribute. Unlike the cloud-migration Describe actions, its array is wrapped, as in
 * most RDS list answers: {@code "Items": {"DBInstanceAttribute": [...]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeDBInstanceAttributeResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("Items") @Nullable Items items) implements RdsResponse {

    public static DescribeDBInstanceAttributeResponse of(String requestId, List<DBInstanceAttribute> attributes) {
        return new DescribeDBInstanceAttributeResponse(requestId, new Items(attributes));
    }

    /** The wrapper object of the array. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Items(
            @JsonProperty("DBInstanceAttribute") @Nullable List<DBInstanceAttribute> dbInstanceAttribute) {

        public Items {
            dbInstanceAttribute = dbInstanceAttribute == null ? List.of() : List.copyOf(dbInstanceAttribute);
        }
    }

    /** The instances answered, in the order the upstream gave them; empty when it gave none. */
    @JsonIgnore
    public List<DBInstanceAttribute> attributes() {
        return items == null ? List.of() : items.dbInstanceAttribute();
    }

    /** The attributes of one instance, if the answer holds them. */
    public Optional<DBInstanceAttribute> attributesOf(String dbInstanceId) {
        return attributes().stream()
                .filter(attribute -> dbInstanceId.equals(attribute.dbInstanceId()))
                .findFirst();
    }
}
