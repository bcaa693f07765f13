package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.system.FilterOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts the idempotency filter right behind Spring Security's filter chain (order -100), so it sees the authenticated
 * caller and never stores a key for a request that authentication refused.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    static final int FILTER_ORDER = FilterOrder.IDEMPOTENCY;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    /** Outside {@code prod}, without a configured secret: fingerprints still work, but are not secret. */
    static final String DEVELOPMENT_SECRET = "rds-migration-gateway-development-fingerprint-secret";

    @Bean
    Fingerprint idempotencyFingerprint(IdempotencyProperties properties) {
        String secret = properties.fingerprintSecret();
        if (secret != null && !secret.isBlank()) {
            return new Fingerprint(secret);
        }
        // Profile prod never gets here: ProdFingerprintSettingsCheck stops it before any bean is built.
        log.warn("gateway.idempotency.fingerprint-secret is not set: using the development secret (not for real use).");
        return new Fingerprint(DEVELOPMENT_SECRET);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyClaims claims,
            Fingerprint fingerprint,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(claims, fingerprint, exceptionResolver, new IntentHandlers(mappings)));
        registration.addUrlPatterns(IdempotencyFilter.API_PREFIX + "*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
