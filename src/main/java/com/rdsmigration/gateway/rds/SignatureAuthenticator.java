package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpMethod;

/** AccessKey signatures: ACS3-HMAC-SHA256 in {@code x-acs-*} headers (V3) or HMAC-SHA1 in the query (V1). */
final class SignatureAuthenticator implements RdsAuthenticator {

    private final RequestSigner signer;
    private final AccessKeySource credentials;
    private final RdsProperties.SignatureVersion version;

    SignatureAuthenticator(RequestSigner signer, AccessKeySource credentials, RdsProperties.SignatureVersion version) {
        this.signer = signer;
        this.credentials = credentials;
        this.version = version;
    }

    @Override
    public SignedRequest authenticate(HttpMethod method, URI endpoint, String action, Map<String, String> parameters) {
        AccessKeyCredentials keys = credentials.current();
        if (version == RdsProperties.SignatureVersion.V1) {
            Map<String, String> signed = signer.signV1(method.name(), action, RdsActions.VERSION, parameters, keys);
            return new SignedRequest(RdsAuthenticator.withQuery(endpoint, signed), Map.of());
        }
        Map<String, String> headers = signer.signV3(
                method.name(),
                RdsAuthenticator.hostHeader(endpoint),
                action,
                RdsActions.VERSION,
                parameters,
                new byte[0],
                null,
                keys);
        return new SignedRequest(RdsAuthenticator.withQuery(endpoint, parameters), headers);
    }

    @Override
    public String account() {
        return credentials.account();
    }

    @Override
    public String mode() {
        return version == RdsProperties.SignatureVersion.V1 ? "v1" : "v3";
    }
}
