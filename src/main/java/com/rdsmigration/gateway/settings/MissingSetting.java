package com.rdsmigration.gateway.settings;

import java.util.List;

/**
 * One thing the active profile requires and the configuration lacks: the setting (or the settings that belong
 * together), why it is needed, and how to provide it.
 */
public record MissingSetting(List<String> settings, String reason, String action) {

    public MissingSetting {
        settings = List.copyOf(settings);
    }

    public MissingSetting(String setting, String reason, String action) {
        this(List.of(setting), reason, action);
    }
}
