package com.rdsmigration.gateway.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the gateway's own HTTP API ({@code gateway.web.*}).
 *
 * @param maxRequestSize the largest request body accepted; larger ones answer 413
 */
@Validated
@ConfigurationProperties("gateway.web")
record WebProperties(@NotNull @DefaultValue("10MB") DataSize maxRequestSize) {}
