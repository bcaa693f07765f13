package com.rdsmigration.gateway.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present only while {@code rds.simulator.enabled} is {@code true} (the default outside profile {@code prod}), so
 * that the RPC endpoint and the control API disappear together when the simulator is off.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "rds.simulator.enabled", havingValue = "true", matchIfMissing = true)
@interface ConditionalOnSimulator {}
