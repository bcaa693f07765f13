package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.SignatureV1;
import java.time.Duration;
import java.util.Map;

/**
 * Verifies an HMAC-SHA1 request ({@code SignatureVersion=1.0}, docs/rds-openapi-notes.md, "Signature V1") over all its
 * parameters, query and form body together, with the real HTTP method; {@code Timestamp} must lie within 31 minutes of
 * the clock.
 */
final class V1Authentication {

    static final Duration WINDOW = Duration.ofMinutes(31);

    private final SignatureChecks checks;

    V1Authentication(SignatureChecks checks) {
        this.checks = checks;
    }

    void verify(RpcHttpRequest request) {
        Map<String, String> parameters = request.parameters();
        if (!SignatureV1.SIGNATURE_METHOD.equals(parameters.get("SignatureMethod"))) {
            throw RdsError.incompleteSignature("SignatureMethod must be " + SignatureV1.SIGNATURE_METHOD + ".");
        }
        if (!SignatureV1.SIGNATURE_VERSION.equals(parameters.get("SignatureVersion"))) {
            throw RdsError.incompleteSignature("SignatureVersion must be " + SignatureV1.SIGNATURE_VERSION + ".");
        }
        String accessKeyId = required(parameters, "AccessKeyId");
        String timestamp = required(parameters, "Timestamp");
        String nonce = required(parameters, "SignatureNonce");

        checks.timestamp(timestamp, WINDOW);
        checks.accessKeyId(accessKeyId);
        checks.securityToken(parameters.get("SecurityToken"));
        String provided = parameters.get(SignatureV1.SIGNATURE);
        checks.signature(
                SignatureV1.verify(request.method(), parameters, checks.secret(), provided),
                SignatureV1.stringToSign(request.method(), parameters));
        checks.nonce(nonce);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw RdsError.missingParameter(name);
        }
        return value;
    }
}
