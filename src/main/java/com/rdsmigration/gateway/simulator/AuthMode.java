package com.rdsmigration.gateway.simulator;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How a request authenticated, as the call log names it. Each mode also says where the request names its action
 * and version: V3 in the {@code x-acs-*} headers, V1 in the parameters, bearer (and a request with no usable
 * credentials) in either.
 */
enum AuthMode {
    V3("v3"),
    V1("v1"),
    BEARER("bearer"),
    NONE("none");

    static final String ACTION_HEADER = "x-acs-action";
    static final String VERSION_HEADER = "x-acs-version";

    private final String logName;

    AuthMode(String logName) {
        this.logName = logName;
    }

    @JsonValue
    String logName() {
        return logName;
    }

    @Nullable
    String action(RpcHttpRequest request) {
        return pick(request, ACTION_HEADER, "Action");
    }

    @Nullable
    String version(RpcHttpRequest request) {
        return pick(request, VERSION_HEADER, "Version");
    }

    private @Nullable String pick(RpcHttpRequest request, String header, String parameter) {
        return switch (this) {
            case V3 -> request.header(header);
            case V1 -> request.parameter(parameter);
            case BEARER, NONE -> request.header(header) != null ? request.header(header) : request.parameter(parameter);
        };
    }
}
