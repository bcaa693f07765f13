package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.SignatureV1;
import com.rdsmigration.gateway.rds.signing.SignatureV3;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides how a request authenticates (exactly one of V3, V1 and bearer, else {@code IncompleteSignature}) and
 * verifies it. {@link #detect} never fails, so that a refused request still shows in the call log with the mode it
 * tried.
 */
final class Authenticator {

    private final V3Authentication v3;
    private final V1Authentication v1;
    private final BearerAuthentication bearer;

    Authenticator(SimulatorProperties properties, SignatureChecks checks) {
        this.v3 = new V3Authentication(checks);
        this.v1 = new V1Authentication(checks);
        this.bearer = new BearerAuthentication(properties.bearerToken());
    }

    /** The one mode the request uses, or {@link AuthMode#NONE} when it uses none or several. */
    static AuthMode detect(RpcHttpRequest request) {
        Set<AuthMode> modes = modes(request);
        return modes.size() == 1 ? modes.iterator().next() : AuthMode.NONE;
    }

    /** Verifies the request; returns its mode or throws the error the real endpoint would answer. */
    AuthMode authenticate(RpcHttpRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null
                && !authorization.startsWith(SignatureV3.ALGORITHM + " ")
                && !BearerAuthentication.isBearerAuthorization(authorization)) {
            throw RdsError.incompleteSignature("The Authorization scheme is not supported.");
        }
        Set<AuthMode> modes = modes(request);
        if (modes.isEmpty()) {
            throw RdsError.incompleteSignature("The request carries no signature and no bearer token.");
        }
        if (modes.size() > 1) {
            throw RdsError.incompleteSignature("The request mixes authentication modes " + modes + ".");
        }
        AuthMode mode = modes.iterator().next();
        switch (mode) {
            case V3 -> v3.verify(request);
            case V1 -> v1.verify(request);
            case BEARER -> bearer.verify(request);
            case NONE -> throw new IllegalStateException("unreachable");
        }
        return mode;
    }

    private static Set<AuthMode> modes(RpcHttpRequest request) {
        Set<AuthMode> modes = EnumSet.noneOf(AuthMode.class);
        String authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith(SignatureV3.ALGORITHM + " ")) {
            modes.add(AuthMode.V3);
        }
        if (request.parameter(SignatureV1.SIGNATURE) != null) {
            modes.add(AuthMode.V1);
        }
        if (BearerAuthentication.isPresent(request)) {
            modes.add(AuthMode.BEARER);
        }
        return modes;
    }
}
