package com.rdsmigration.gateway.rds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches the RDS OpenAPI ({@code rds.*}).
 *
 * @param endpoint the RPC endpoint; may hold {@code ${local.server.port}}, resolved at the first call, so that the
 *     embedded default can point at the simulator on the gateway's own port
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; an upstream call never waits longer
 * @param maxConnections the kept-alive connections to the endpoint; at least the bulkheads' concurrent calls, so that a
 *     call admitted by the bulkhead never queues for a connection
 * @param auth how requests are authenticated
 * @param rateLimits the upstream's request rates, for all replicas together
 */
@Validated
@ConfigurationProperties("rds")
public record RdsProperties(
        @NotBlank @DefaultValue("https://rds.aliyuncs.com/") String endpoint,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @Positive @DefaultValue("100") int maxConnections,
        @Valid @DefaultValue Auth auth,
        @Valid @DefaultValue RateLimits rateLimits) {

    /**
     * The upstream throttles each cloud account, so these hold for every replica together: permits come from token
     * buckets in the shared PostgreSQL. Permits are spaced evenly, {@code (1 s + jitterAllowance) / rate} apart, so that
     * the upstream never counts more than {@code rate} requests in any one second even when a request is delayed on
     * its way by up to {@code jitterAllowance}. A caller waits up to {@code maxWait} for a permit, then gets 429.
     *
     * @param readsPerSecond the Describe actions' rate, for all replicas together
     * @param writesPerSecond the other actions' rate, for all replicas together
     * @param maxWait how long a caller waits for a permit before it is answered 429
     * @param jitterAllowance how late a request may reach the upstream after its permit without breaking the rate
     */
    public record RateLimits(
            @Positive @DefaultValue("100") double readsPerSecond,
            @Positive @DefaultValue("10") double writesPerSecond,
            @NotNull @DefaultValue("5s") Duration maxWait,
            @NotNull @DefaultValue("100ms") Duration jitterAllowance) {

        /** The time between two permits of a class of actions. */
        Duration spacing(boolean reads) {
            double perSecond = reads ? readsPerSecond : writesPerSecond;
            long nanos = (long) Math.ceil((1_000_000_000L + jitterAllowance.toNanos()) / perSecond);
            return Duration.ofNanos(Math.max(1, nanos));
        }
    }

    /** Signature (AccessKey, V3 by default) or bearer-token authentication. */
    public enum AuthType {
        SIGNATURE,
        BEARER
    }

    /** ACS3-HMAC-SHA256 (V3) or HMAC-SHA1 (V1). */
    public enum SignatureVersion {
        V3,
        V1
    }

    /**
     * Credentials. Without {@code accessKeyId} the Alibaba Cloud default credential chain is used (environment,
     * profile files, ECS RAM role, Kubernetes RRSA). Secrets never appear in {@link #toString()}.
     *
     * @param type {@code signature} (an AccessKey signs each request) or {@code bearer} (a token)
     * @param signatureVersion {@code v3} (ACS3-HMAC-SHA256) or {@code v1} (HMAC-SHA1)
     * @param accessKeyId the AccessKey id; without it, the default credential chain
     * @param accessKeySecret the AccessKey secret of {@code accessKeyId}
     * @param securityToken the STS token of temporary credentials
     * @param bearerToken the token of {@code bearer} authentication
     */
    public record Auth(
            @NotNull @DefaultValue("signature") AuthType type,
            @NotNull @DefaultValue("v3") SignatureVersion signatureVersion,
            @Nullable String accessKeyId,
            @Nullable String accessKeySecret,
            @Nullable String securityToken,
            @Nullable String bearerToken) {

        @Override
        public String toString() {
            return "Auth[type=" + type + ", signatureVersion=" + signatureVersion + ", accessKeyId=" + accessKeyId
                    + ", accessKeySecret=" + mask(accessKeySecret) + ", securityToken=" + mask(securityToken)
                    + ", bearerToken=" + mask(bearerToken) + "]";
        }

        private static String mask(@Nullable String secret) {
            return secret == null || secret.isEmpty() ? "<unset>" : "******";
        }
    }
}
