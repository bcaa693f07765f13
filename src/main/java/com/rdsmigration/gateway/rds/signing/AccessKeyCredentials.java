package com.rdsmigration.gateway.rds.signing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An AccessKey pair, with the STS security token when the pair is temporary. The secret and the token never appear in
 * {@link #toString()}.
 */
public record AccessKeyCredentials(
        String accessKeyId,
        String accessKeySecret,
        @Nullable String securityToken) {

    public AccessKeyCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    public static AccessKeyCredentials of(String accessKeyId, String accessKeySecret) {
        return new AccessKeyCredentials(accessKeyId, accessKeySecret, null);
    }

    @Override
    public String toString() {
        return "AccessKeyCredentials[accessKeyId=" + accessKeyId + ", accessKeySecret=******"
                + (securityToken != null ? ", securityToken=******" : "") + "]";
    }
}
