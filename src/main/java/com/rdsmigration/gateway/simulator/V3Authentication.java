package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.SignatureV3;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies an {@code ACS3-HMAC-SHA256} request (docs/rds-openapi-notes.md, "Signature V3") the way the real endpoint
 * does: the received {@code host} verbatim, every received {@code x-acs-*} header signed, the query decoded and
 * re-encoded canonically (never the raw query string), the payload hash recomputed over the raw body,
 * {@code x-acs-date} within 15 minutes.
 */
final class V3Authentication {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final String BEARER_HEADER = "x-acs-bearer-token";
    private static final List<String> REQUIRED =
            List.of("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    private final SignatureChecks checks;

    V3Authentication(SignatureChecks checks) {
        this.checks = checks;
    }

    void verify(RpcHttpRequest request) {
        Map<String, String> authorization = parse(String.valueOf(request.header("authorization")));
        List<String> signedNames = Arrays.stream(
                        authorization.get("SignedHeaders").split(";"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (String name : REQUIRED) {
            if (request.header(name) == null) {
                throw RdsError.incompleteSignature("The header \"" + name + "\" is missing.");
            }
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : signedNames) {
            String value = request.header(name);
            if (value == null) {
                throw RdsError.incompleteSignature("The signed header \"" + name + "\" is missing.");
            }
            signed.put(name, value);
        }
        request.headers().keySet().stream()
                .filter(name -> name.equals("host") || name.startsWith("x-acs-"))
                .filter(name -> !name.equals(BEARER_HEADER))
                .filter(name -> !signedNames.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw RdsError.incompleteSignature("The header \"" + name + "\" must be signed.");
                });

        checks.timestamp(request.headers().get("x-acs-date"), WINDOW);
        checks.accessKeyId(authorization.get("Credential"));
        checks.securityToken(request.header("x-acs-security-token"));
        String payloadHash = SignatureV3.hexSha256(request.body());
        if (!payloadHash.equalsIgnoreCase(request.headers().get("x-acs-content-sha256"))) {
            throw new RdsError(
                    400,
                    "SignatureDoesNotMatch",
                    "The x-acs-content-sha256 header is not the SHA-256 of the request body.");
        }
        String canonicalRequest =
                SignatureV3.canonicalRequest(request.method(), "/", request.query(), signed, payloadHash);
        String stringToSign = SignatureV3.stringToSign(canonicalRequest);
        String expected = SignatureV3.signature(checks.secret(), stringToSign);
        checks.signature(SignatureV3.signaturesEqual(expected, authorization.get("Signature")), stringToSign);
        checks.nonce(request.headers().get("x-acs-signature-nonce"));
    }

    /** {@code ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..}, all three parts present and non-empty. */
    static Map<String, String> parse(String header) {
        String prefix = SignatureV3.ALGORITHM + " ";
        if (!header.startsWith(prefix)) {
            throw RdsError.incompleteSignature("The Authorization header is not " + SignatureV3.ALGORITHM + ".");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.substring(prefix.length()).split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(
                        part.substring(0, equals).trim(),
                        part.substring(equals + 1).trim());
            }
        }
        for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.getOrDefault(name, "").isEmpty()) {
                throw RdsError.incompleteSignature("The Authorization header has no " + name + ".");
            }
        }
        return parts;
    }
}
