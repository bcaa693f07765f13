package com.rdsmigration.gateway.guided;

import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuidedProperties.class)
class GuidedConfiguration {

    /** The development key of a context that sets none (application.yaml sets the same public value). */
    static final String DEVELOPMENT_KEY = "ZGVtby1vbmx5LXNvdXJjZS1wYXNzd29yZC1rZXktMzI=";

    @Bean
    SourcePasswords sourcePasswords(GuidedProperties properties) {
        String key = properties.sourcePasswordKey().isBlank() ? DEVELOPMENT_KEY : properties.sourcePasswordKey();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("gateway.guided.source-password-key must be base64 (32 bytes)", null);
        }
        return new SourcePasswords(bytes);
    }
}
