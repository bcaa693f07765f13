package com.rdsmigration.gateway.simulator;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the simulator together while it is enabled. Its RPC filter runs early, right after the gateway's own
 * correlation-id and body-size filters and before any security filter: the RPC endpoint checks its own signatures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    StageClock simulatorStageClock(SimulatorProperties properties) {
        return new StageClock(properties.stageDuration());
    }

    @Bean
    InstanceDirectory simulatorInstances(SimulatorProperties properties) {
        return new InstanceDirectory(properties.instances());
    }

    @Bean
    NonceRegistry simulatorNonces() {
        return new NonceRegistry();
    }

    @Bean
    ImportRegistry simulatorImports(StageClock stages, SimulatorProperties properties) {
        return new ImportRegistry(stages, properties.importIdStart());
    }

    @Bean
    PrecheckRegistry simulatorPrechecks(StageClock stages) {
        return new PrecheckRegistry(stages);
    }

    @Bean
    MigrationRegistry simulatorMigrations(StageClock stages) {
        return new MigrationRegistry(stages);
    }

    @Bean
    FaultInjector simulatorFaults(Clock clock, SimulatorProperties properties) {
        return new FaultInjector(clock, properties.timeoutHold());
    }

    @Bean
    CallLog simulatorCalls() {
        return new CallLog();
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
        return new RpcEndpoint(authenticator, faults, actions, calls, clock);
    }

    @Bean
    FilterRegistrationBean<RpcEndpointFilter> simulatorRpcFilter(RpcEndpoint endpoint, JsonMapper json) {
        FilterRegistrationBean<RpcEndpointFilter> registration =
                new FilterRegistrationBean<>(new RpcEndpointFilter(endpoint, json));
        registration.setName("rdsSimulatorRpcFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
