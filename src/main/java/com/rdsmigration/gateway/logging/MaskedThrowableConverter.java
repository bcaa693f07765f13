package com.rdsmigration.gateway.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack traces ({@code %wEx}) with every secret masked: exception messages of libraries echo requests
 * and parameters as they please. Installed by {@code logback-spring.xml} for every exception conversion word.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return SecretMasking.mask(super.throwableProxyToString(throwable));
    }
}
