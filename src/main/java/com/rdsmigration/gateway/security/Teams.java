package com.rdsmigration.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured teams ({@code gateway.teams.*}), by name. A team without a block owns nothing and has the default
 * limits; profile {@code prod} starts only when every non-admin API key names a configured team.
 */
public final class Teams {

    private final Map<String, TeamSettings> settings;

    Teams(Map<String, TeamSettings> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** The settings of {@code team}, when it has a block. */
    public Optional<TeamSettings> of(String team) {
        return Optional.ofNullable(settings.get(team));
    }

    /** The names of the configured teams. */
    public Set<String> names() {
        return settings.keySet();
    }
}
