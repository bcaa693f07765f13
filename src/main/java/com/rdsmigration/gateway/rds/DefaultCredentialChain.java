package com.rdsmigration.gateway.rds;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import com.rdsmigration.gateway.logging.SecretMasking;
import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Alibaba Cloud default credential chain of {@code credentials-java} 1.x: system properties, the
 * {@code ALIBABA_CLOUD_*} environment (with an STS token), Kubernetes RRSA (OIDC role ARN), CLI and credentials
 * files, the ECS RAM role and a credentials URI. The chain caches and refreshes temporary credentials itself.
 */
final class DefaultCredentialChain implements AccessKeySource {

    /** {@code acs:ram::<account id>:role/<name>}: the account a RAM role belongs to. */
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::(\\d+):role/.+");

    private final @Nullable String roleArn;
    private volatile @Nullable Client client;

    /** @param roleArn {@code ALIBABA_CLOUD_ROLE_ARN} when set (RRSA, or a role assumed with STS) */
    DefaultCredentialChain(@Nullable String roleArn) {
        this.roleArn = roleArn;
    }

    /**
     * The account that owns the assumed role when there is one: temporary credentials get a new AccessKeyId at every
     * refresh, the role's account stays. Otherwise the AccessKeyId.
     */
    @Override
    public String account() {
        Matcher arn = ROLE_ARN.matcher(roleArn == null ? "" : roleArn.trim());
        return arn.matches() ? arn.group(1) : current().accessKeyId();
    }

    @Override
    public AccessKeyCredentials current() {
        CredentialModel model = client().getCredential();
        String token = model.getSecurityToken();
        // Fetched, perhaps just rotated: from now on no log line may show them either.
        SecretMasking.register(model.getAccessKeySecret());
        SecretMasking.register(token);
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
