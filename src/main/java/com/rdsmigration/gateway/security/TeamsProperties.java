package com.rdsmigration.gateway.security;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The teams block ({@code gateway.teams.<team>.*}), bound and validated at start-up: a bad pattern or a share outside
 * 0..1 stops the gateway with the setting's name.
 *
 * @param teams each team's ownership and limits, by team name
 */
@Validated
@ConfigurationProperties("gateway")
record TeamsProperties(@DefaultValue Map<String, @Valid TeamSettings> teams) {}
