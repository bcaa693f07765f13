package com.rdsmigration.gateway.web;

import com.rdsmigration.gateway.logging.CorrelationIdFilter;
import com.rdsmigration.gateway.system.FilterOrder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The gateway's servlet filters, first in the chain: the correlation id, the security headers, the refusal of
 * requests nothing should parse, then the body size limit (so that a 413 carries the id and the headers). A {@link WebMvcConfigurer}, so {@code @WebMvcTest} slices get
 * the same filters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(FilterOrder.CORRELATION_ID);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(FilterOrder.SECURITY_HEADERS);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSanityFilter> requestSanityFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        FilterRegistrationBean<RequestSanityFilter> registration =
                new FilterRegistrationBean<>(new RequestSanityFilter(exceptionResolver));
        // Matched on the decoded path, as the API's mappings are: /%61pi/ is /api/ too.
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.REQUEST_SANITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            WebProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, exceptionResolver));
        registration.setOrder(FilterOrder.REQUEST_SIZE_LIMIT);
        return registration;
    }
}
