package com.rdsmigration.gateway.rds.wire;

import java.util.Map;

/** CancelImport: stops an import. {@code importId} is the decimal text of an id that may exceed 32 bits. */
public record CancelImportRequest(String dbInstanceId, String importId) implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.CANCEL_IMPORT;
    }

    @Override
    public Map<String, String> toParameters() {
        return new Parameters()
                .put(RdsParameters.DB_INSTANCE_ID, dbInstanceId)
                .put(RdsParameters.IMPORT_ID, importId)
                .build();
    }
}
