package com.rdsmigration.gateway.idempotency;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Puts the idempotency filter right behind Spring Security's filter chain (order -100), so it sees the authenticated
 * caller and never stores a key for a request that authentication refused.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyClaims claims,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(claims, exceptionResolver));
        registration.addUrlPatterns(IdempotencyFilter.API_PREFIX + "*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
