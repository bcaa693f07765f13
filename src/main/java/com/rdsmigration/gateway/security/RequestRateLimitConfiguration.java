package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.system.FilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Puts the per-team request rate limit on {@code /api/**} right behind Spring Security's filter chain (order -100),
 * where the caller is known, and ahead of the idempotency filter (-90), so a refused request claims no key.
 */
@Configuration(proxyBeanMethods = false)
class RequestRateLimitConfiguration {

    static final int FILTER_ORDER = FilterOrder.RATE_LIMIT;

    @Bean
    RequestRateLimiter requestRateLimiter(RateLimitProperties properties, Teams teams, Clock clock) {
        return new RequestRateLimiter(properties, teams, clock);
    }

    @Bean
    FilterRegistrationBean<RequestRateLimitFilter> requestRateLimitFilter(
            RequestRateLimiter limiter,
            MeterRegistry meters,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        FilterRegistrationBean<RequestRateLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestRateLimitFilter(limiter, exceptionResolver, meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
