package com.rdsmigration.gateway.guided;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What stands behind {@link GuidedMigrationController}, as mocks for the web slice: declared here, where these
 * package-private types can be named, and composed into {@code WebSliceTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = {GuidedMigrationService.class, GuidedMigrationResponses.class})
public @interface GuidedWebSliceMocks {}
