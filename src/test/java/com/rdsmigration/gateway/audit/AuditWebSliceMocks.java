package com.rdsmigration.gateway.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What stands behind {@link AuditController}, as a mock for the web slice: declared here, where this package-private
 * type can be named, and composed into {@code WebSliceTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = AuditStore.class)
public @interface AuditWebSliceMocks {}
