package com.rdsmigration.gateway.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A setting the active profile requires is absent or unusable. Start-up stops with a one-line reason that names the
 * setting (or every one of several that belong together) and the environment variable that provides it.
 */
public class MissingSettingException extends IllegalStateException {

    private final String setting;
    private final String action;

    public MissingSettingException(String setting, String reason, String action) {
        this(List.of(setting), reason, action);
    }

    /** Several settings missing at once, named together so that one failed start-up is enough to fix them all. */
    public MissingSettingException(List<String> settings, String reason, String action) {
        super(message(settings, reason));
        this.setting = String.join(", ", settings);
        this.action = action;
    }

    private static String message(List<String> settings, String reason) {
        String names = settings.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return (settings.size() == 1 ? "Missing required setting " : "Missing required settings ") + names + ": "
                + reason;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
