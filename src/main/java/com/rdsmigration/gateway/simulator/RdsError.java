package com.rdsmigration.gateway.simulator;

/**
 * An error answer of the simulated RPC endpoint: HTTP status, RDS error code and message, rendered as the
 * {@code ErrorBody} of {@code rds.wire}. The factories give the codes and wording the real service uses.
 */
final class RdsError extends RuntimeException {

    private final int httpStatus;
    private final String code;

    RdsError(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    static RdsError incompleteSignature(String why) {
        return new RdsError(
                400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + why);
    }

    static RdsError missingParameter(String name) {
        return new RdsError(
                400,
                "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    static RdsError invalidParameter(String name) {
        return new RdsError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid.");
    }

    static RdsError invalidParameter(String name, String why) {
        return new RdsError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid. " + why);
    }

    static RdsError badTimestampFormat() {
        return new RdsError(
                400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }

    static RdsError expiredTimestamp() {
        return new RdsError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    static RdsError operationDenied(String reason, String message) {
        return new RdsError(403, "OperationDenied." + reason, message);
    }

    static RdsError instanceNotFound() {
        return new RdsError(
                400, "InvalidDBInstanceId.NotFound", "The DBInstanceId provided does not exist in records.");
    }

    /** A body over {@code gateway.web.max-request-size}: refused before more of it is read. */
    static RdsError requestTooLarge(long limitBytes) {
        return new RdsError(
                413,
                "RequestEntityTooLarge",
                "The request body exceeds the limit of " + limitBytes + " bytes (gateway.web.max-request-size).");
    }

    static RdsError internalError() {
        return new RdsError(
                500,
                "InternalError",
                "The request processing has failed due to some unknown error, exception or failure.");
    }
}
