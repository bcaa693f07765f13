package com.rdsmigration.gateway.rds.wire;

/** Every answer of the RDS OpenAPI carries the upstream's id of the request, its {@code RequestId}. */
public interface RdsResponse {

    String requestId();
}
