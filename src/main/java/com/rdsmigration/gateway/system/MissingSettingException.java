package com.rdsmigration.gateway.system;

/**
 * A setting the active profile requires is absent or unusable. Start-up stops with a one-line reason that names the
 * setting and the environment variable that provides it.
 */
public class MissingSettingException extends IllegalStateException {

    private final String setting;
    private final String action;

    public MissingSettingException(String setting, String reason, String action) {
        super("Missing required setting '" + setting + "': " + reason);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
