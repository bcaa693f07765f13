package com.rdsmigration.gateway.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m}, {@code %msg} and {@code %message} with every secret masked ({@link SecretMasking}), so that no
 * logger, the framework's and the HTTP client's at DEBUG and TRACE included, can print one. Installed by
 * {@code logback-spring.xml}.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasking.mask(super.convert(event));
    }
}
