package com.rdsmigration.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks a bearer token in any of the forms clients send it: the {@code x-acs-bearer-token} header (Alibaba's SDKs on
 * the V3 path), {@code Authorization: Bearer} (the form the gateway also sends), or the parameters
 * {@code BearerToken} with {@code SignatureType=BEARERTOKEN}. Every form present must carry the configured token.
 */
final class BearerAuthentication {

    static final String BEARER_PREFIX = "bearer ";

    private final String token;

    BearerAuthentication(String token) {
        this.token = token;
    }

    static boolean isPresent(RpcHttpRequest request) {
        return !tokens(request).isEmpty();
    }

    void verify(RpcHttpRequest request) {
        if (request.parameter("BearerToken") != null && !"BEARERTOKEN".equals(request.parameter("SignatureType"))) {
            throw RdsError.incompleteSignature("BearerToken needs SignatureType=BEARERTOKEN.");
        }
        for (String provided : tokens(request)) {
            if (!SignatureChecks.equalInConstantTime(token, provided)) {
                throw new RdsError(401, "InvalidBearerToken", "Specified bearer token is not valid.");
            }
        }
    }

    private static List<String> tokens(RpcHttpRequest request) {
        List<String> tokens = new ArrayList<>();
        add(tokens, request.header(V3Authentication.BEARER_HEADER));
        String authorization = request.header("authorization");
        if (isBearerAuthorization(authorization)) {
            add(tokens, authorization.substring(BEARER_PREFIX.length()).trim());
        }
        add(tokens, request.parameter("BearerToken"));
        return tokens;
    }

    static boolean isBearerAuthorization(@Nullable String authorization) {
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX);
    }

    private static void add(List<String> tokens, @Nullable String value) {
        if (value != null) {
            tokens.add(value);
        }
    }
}
