package com.rdsmigration.gateway.rds;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import org.jspecify.annotations.Nullable;

/**
 * The Alibaba Cloud default credential chain of {@code credentials-java} 1.x: system properties, the
 * {@code ALIBABA_CLOUD_*} environment (with an STS token), Kubernetes RRSA (OIDC role ARN), CLI and credentials
 * files, the ECS RAM role and a credentials URI. The chain caches and refreshes temporary credentials itself.
 */
final class DefaultCredentialChain implements AccessKeySource {

    private volatile @Nullable Client client;

    @Override
    public AccessKeyCredentials current() {
        CredentialModel model = client().getCredential();
        String token = model.getSecurityToken();
        return new AccessKeyCredentials(
                model.getAccessKeyId(), model.getAccessKeySecret(), token == null || token.isBlank() ? null : token);
    }

    private Client client() {
        Client current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = new Client();
                    client = current;
                }
            }
        }
        return current;
    }
}
