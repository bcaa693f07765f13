package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.system.FilterOrder;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the simulator together while it is enabled. Its RPC filter runs early, right after the gateway's own
 * correlation-id and security-header filters and before any security filter: the RPC endpoint checks its own
 * signatures. It also runs before the gateway's body-size filter and holds RPC bodies to the same limit
 * ({@code gateway.web.max-request-size}) itself, so that an SDK over the limit reads a 413 in the RDS error shape
 * rather than a failed read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    /** The setting of the gateway's own body limit, read by name: the simulator depends on no gateway module. */
    static final String MAX_REQUEST_SIZE = "gateway.web.max-request-size";

    /** That setting's default, as {@code gateway.web} has it. */
    static final DataSize DEFAULT_MAX_REQUEST_SIZE = DataSize.ofMegabytes(10);

    @Bean
    StageClock simulatorStageClock(SimulatorProperties properties) {
        return new StageClock(properties.stageDuration());
    }

    @Bean
    InstanceDirectory simulatorInstances(SimulatorProperties properties) {
        return new InstanceDirectory(properties.instances(), properties.maxInstanceOverrides());
    }

    @Bean
    NonceRegistry simulatorNonces(SimulatorProperties properties) {
        return new NonceRegistry(properties.maxNonces());
    }

    @Bean
    ImportRegistry simulatorImports(StageClock stages, SimulatorProperties properties) {
        return new ImportRegistry(stages, properties.importIdStart(), properties.maxTasks());
    }

    @Bean
    PrecheckRegistry simulatorPrechecks(StageClock stages, SimulatorProperties properties) {
        return new PrecheckRegistry(stages, properties.maxTasks());
    }

    @Bean
    MigrationRegistry simulatorMigrations(StageClock stages, SimulatorProperties properties) {
        return new MigrationRegistry(stages, properties.maxTasks());
    }

    @Bean
    FaultInjector simulatorFaults(Clock clock, SimulatorProperties properties) {
        return new FaultInjector(clock, properties.timeoutHold());
    }

    @Bean
    CallLog simulatorCalls(SimulatorProperties properties) {
        return new CallLog(properties.maxCalls());
    }

    @Bean
    SimulatorReset simulatorReset(
            InstanceDirectory instances,
            NonceRegistry nonces,
            ImportRegistry imports,
            PrecheckRegistry prechecks,
            MigrationRegistry migrations,
            FaultInjector faults,
            CallLog calls) {
        return new SimulatorReset(List.of(
                instances::clearOverrides,
                nonces::clear,
                imports::clear,
                prechecks::clear,
                migrations::clear,
                faults::reset,
                calls::clear));
    }

    @Bean
    RpcEndpoint simulatorRpcEndpoint(
            SimulatorProperties properties,
            Clock clock,
            StageClock stages,
            InstanceDirectory instances,
            NonceRegistry nonces,
            ImportRegistry imports,
            PrecheckRegistry prechecks,
            MigrationRegistry migrations,
            FaultInjector faults,
            CallLog calls) {
        Authenticator authenticator = new Authenticator(properties, new SignatureChecks(properties, clock, nonces));
        ActionDispatcher actions = new ActionDispatcher(
                new ImportActions(instances, imports),
                new PrecheckActions(instances, prechecks, stages),
                new MigrationActions(instances, prechecks, migrations, stages),
                new InstanceAttributeActions(instances));
        ParameterLimits limits = new ParameterLimits(properties.maxParameterLength(), properties.maxDbInfoLength());
        return new RpcEndpoint(authenticator, faults, actions, calls, limits, clock);
    }

    @Bean
    FilterRegistrationBean<RpcEndpointFilter> simulatorRpcFilter(
            RpcEndpoint endpoint, JsonMapper json, Environment environment) {
        long maxBody = Binder.get(environment)
                .bind(MAX_REQUEST_SIZE, DataSize.class)
                .orElse(DEFAULT_MAX_REQUEST_SIZE)
                .toBytes();
        FilterRegistrationBean<RpcEndpointFilter> registration =
                new FilterRegistrationBean<>(new RpcEndpointFilter(endpoint, json, maxBody));
        registration.setName("rdsSimulatorRpcFilter");
        registration.setOrder(FilterOrder.SIMULATOR);
        return registration;
    }
}
