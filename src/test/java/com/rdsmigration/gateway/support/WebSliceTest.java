package com.rdsmigration.gateway.support;

import com.rdsmigration.gateway.audit.AuditWebSliceMocks;
import com.rdsmigration.gateway.cloudmigration.CloudMigrationWebSliceMocks;
import com.rdsmigration.gateway.guided.GuidedWebSliceMocks;
import com.rdsmigration.gateway.imports.ImportWebSliceMocks;
import com.rdsmigration.gateway.quota.QuotaWebSliceMocks;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The API's web layer alone, no database: the controllers of imports, cloud migrations, guided migrations, audit and quota with mocks
 * behind them, the problem advice and error controller, the gateway's servlet filters (WebConfiguration) and its API-key
 * security, which takes the demo keys of {@code application.yaml}. Every class with this annotation and nothing else
 * shares one cached context.
 *
 * <p>The controllers and what stands behind them are package-private, so each feature's test package declares its
 * mocks ({@link ImportWebSliceMocks} and the others) and this annotation composes them. A controller added outside
 * the simulator and the webhooks joins the slice, and the slice fails to start until its mocks are declared too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        // The simulator's and the webhooks' controllers are not part of this slice.
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "com\\.rdsmigration\\.gateway\\.(simulator|notifications)\\..*"),
        // Package-private, so named by pattern: the API-key security and its settings.
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern =
                                "com\\.rdsmigration\\.gateway\\.security\\.(SecurityConfiguration|SecurityProperties)"))
@ImportWebSliceMocks
@CloudMigrationWebSliceMocks
@GuidedWebSliceMocks
@AuditWebSliceMocks
@QuotaWebSliceMocks
public @interface WebSliceTest {}
