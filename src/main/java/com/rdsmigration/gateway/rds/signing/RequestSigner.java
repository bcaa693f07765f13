package com.rdsmigration.gateway.rds.signing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Signs one RPC request attempt with a fresh timestamp and nonce, in either signature version. The clock and the
 * nonce source are injected so that a signed request can be reproduced exactly.
 */
public final class RequestSigner {

    private final Clock clock;
    private final NonceSource nonces;

    public RequestSigner(Clock clock, NonceSource nonces) {
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * V1: returns every parameter to send (the business ones plus the common ones and {@code Signature}); they may
     * travel in the query or a form body, the signature covers them wherever they go.
     */
    public Map<String, String> signV1(
            String httpMethod,
            String action,
            String version,
            Map<String, String> businessParameters,
            AccessKeyCredentials credentials) {
        Map<String, String> parameters = new LinkedHashMap<>(businessParameters);
        parameters.put("Action", action);
        parameters.put("Version", version);
        parameters.put("Format", "JSON");
        parameters.put("AccessKeyId", credentials.accessKeyId());
        parameters.put("SignatureMethod", SignatureV1.SIGNATURE_METHOD);
        parameters.put("SignatureVersion", SignatureV1.SIGNATURE_VERSION);
        parameters.put("SignatureNonce", nonces.next());
        parameters.put("Timestamp", SignatureTimestamps.format(clock.instant()));
        if (credentials.securityToken() != null) {
            parameters.put("SecurityToken", credentials.securityToken());
        }
        parameters.put(SignatureV1.SIGNATURE, SignatureV1.sign(httpMethod, parameters, credentials.accessKeySecret()));
        return parameters;
    }

    /**
     * V3: returns the headers to send with a request whose query and body are as given: the {@code x-acs-*}
     * headers, {@code content-type} when there is a body, and {@code Authorization}. {@code host} is signed but not
     * returned, because the HTTP client writes it; it must be the exact value the client sends.
     */
    public Map<String, String> signV3(
            String httpMethod,
            String host,
            String action,
            String version,
            Map<String, String> query,
            byte[] body,
            @Nullable String contentType,
            AccessKeyCredentials credentials) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", version);
        headers.put("x-acs-date", SignatureTimestamps.format(clock.instant()));
        headers.put("x-acs-signature-nonce", nonces.next());
        String payloadHash = SignatureV3.hexSha256(body);
        headers.put("x-acs-content-sha256", payloadHash);
        if (credentials.securityToken() != null) {
            headers.put("x-acs-accesskey-id", credentials.accessKeyId());
            headers.put("x-acs-security-token", credentials.securityToken());
        }
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("host", host);
        String canonicalRequest = SignatureV3.canonicalRequest(httpMethod, "/", query, signed, payloadHash);
        String signature =
                SignatureV3.signature(credentials.accessKeySecret(), SignatureV3.stringToSign(canonicalRequest));
        headers.put(
                "Authorization",
                SignatureV3.authorization(credentials.accessKeyId(), SignatureV3.signedHeaders(signed), signature));
        return headers;
    }
}
