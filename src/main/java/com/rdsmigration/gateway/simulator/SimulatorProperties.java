package com.rdsmigration.gateway.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the RDS simulator ({@code rds.simulator.*}). The credentials are the ones the simulator accepts; the
 * embedded default client signs with the same defaults.
 *
 * @param enabled whether the simulator exists at all
 * @param accessKeyId the only AccessKeyId accepted
 * @param accessKeySecret its secret
 * @param securityToken when set, a request carrying an STS token must carry this one
 * @param bearerToken the only bearer token accepted
 * @param stageDuration how long each task stage lasts on the application clock
 * @param instances instances whose engine, status or resource group differ from the defaults
 * @param importIdStart the first ImportId handed out (beyond 32 bits on purpose)
 * @param timeoutHold how long an injected timeout holds back an answer, unless the faults say otherwise
 * @param maxTasks how many tasks of each kind (imports, prechecks, migrations) the simulator keeps; beyond it the
 *     oldest ended one goes, and when none has ended a create answers {@code OperationDenied.TaskQuotaExceeded}
 * @param maxInstanceOverrides how many instances the control API may change; a further one answers 409
 * @param maxCalls how many calls the call log keeps (the oldest go first)
 * @param maxNonces how many signature nonces are remembered within the replay window (the oldest go first)
 * @param maxParameterLength the longest value (in characters) of any RPC parameter other than {@code DBInfo}
 * @param maxDbInfoLength the longest {@code DBInfo} (in characters)
 */
@Validated
@ConfigurationProperties("rds.simulator")
record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("simulator-ak") String accessKeyId,
        @NotBlank @DefaultValue("simulator-secret") String accessKeySecret,
        @Nullable String securityToken,
        @NotBlank @DefaultValue("simulator-token") String bearerToken,
        @NotNull @DefaultValue("5s") Duration stageDuration,
        Map<String, InstanceSettings> instances,
        @DefaultValue("85265475235") long importIdStart,
        @NotNull @DefaultValue("35s") Duration timeoutHold,
        // Every store lives in the heap and anyone who can sign with the simulator's (public, default) credentials
        // fills it: bounded, so that a simulator beside prod cannot exhaust the gateway's memory.
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxTasks,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxInstanceOverrides,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxCalls,
        @Min(1) @Max(10_000_000) @DefaultValue("200000") int maxNonces,
        @Min(64) @Max(1_048_576) @DefaultValue("1024") int maxParameterLength,
        @Min(64) @Max(10_485_760) @DefaultValue("65536") int maxDbInfoLength) {

    SimulatorProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }

    @Override
    public String toString() {
        return "SimulatorProperties[enabled=" + enabled + ", accessKeyId=" + accessKeyId
                + ", accessKeySecret=******, securityToken=" + (securityToken == null ? "null" : "******")
                + ", bearerToken=******, stageDuration=" + stageDuration + ", instances=" + instances
                + ", importIdStart=" + importIdStart + ", timeoutHold=" + timeoutHold + ", maxTasks=" + maxTasks
                + ", maxInstanceOverrides=" + maxInstanceOverrides + ", maxCalls=" + maxCalls + ", maxNonces="
                + maxNonces + ", maxParameterLength=" + maxParameterLength + ", maxDbInfoLength=" + maxDbInfoLength
                + "]";
    }

    /**
     * How one simulated instance differs from its id prefix's default.
     *
     * @param engine the engine; when absent, the one the prefix implies
     * @param status the instance status as RDS spells it ({@code Running}, {@code Stopped}, ...)
     * @param resourceGroupId the resource group DescribeDBInstanceAttribute names; when absent, the account's default
     *     group {@value InstanceDirectory#DEFAULT_RESOURCE_GROUP}
     */
    record InstanceSettings(
            @Nullable Engine engine,
            @DefaultValue("Running") String status,
            @Nullable String resourceGroupId) {}
}
