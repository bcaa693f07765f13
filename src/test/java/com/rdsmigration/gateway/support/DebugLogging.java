package com.rdsmigration.gateway.support;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Sets the levels of {@link LeakProbeGateway} for each test and puts the application's defaults back after it.
 * Logging is one per JVM: another context started since this one has reset the levels, and the cached contexts of
 * other tests would otherwise go on logging at DEBUG.
 */
public final class DebugLogging implements BeforeEachCallback, AfterEachCallback {

    static final Map<String, LogLevel> LEVELS = Map.of(
            LoggingSystem.ROOT_LOGGER_NAME,
            LogLevel.DEBUG,
            "org.apache.hc.client5.http",
            LogLevel.TRACE,
            "org.springframework.web",
            LogLevel.TRACE);

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggingSystem logging = loggingSystem(context);
        LEVELS.forEach(logging::setLogLevel);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggingSystem logging = loggingSystem(context);
        LEVELS.keySet()
                .forEach(logger -> logging.setLogLevel(
                        logger, logger.equals(LoggingSystem.ROOT_LOGGER_NAME) ? LogLevel.INFO : null));
    }

    private static LoggingSystem loggingSystem(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(LoggingSystem.class);
    }
}
