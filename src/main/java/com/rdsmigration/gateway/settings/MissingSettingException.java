package com.rdsmigration.gateway.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings the active profile requires are absent or unusable. Start-up stops with a reason that names each setting
 * (and every one of several that belong together) and the environment variable that provides it: one line for one
 * missing setting, one line per setting under a summary for several.
 */
public class MissingSettingException extends IllegalStateException {

    private final List<MissingSetting> missing;

    public MissingSettingException(String setting, String reason, String action) {
        this(List.of(setting), reason, action);
    }

    /** Several settings that belong together, named in one reason. */
    public MissingSettingException(List<String> settings, String reason, String action) {
        this(List.of(new MissingSetting(settings, reason, action)));
    }

    /** Everything a start-up check found missing, so that one failed start-up is enough to fix it all. */
    public MissingSettingException(List<MissingSetting> missing) {
        super(message(missing));
        this.missing = List.copyOf(missing);
    }

    private static String message(List<MissingSetting> missing) {
        List<String> settings =
                missing.stream().flatMap(each -> each.settings().stream()).toList();
        String summary = (settings.size() == 1 ? "Missing required setting " : "Missing required settings ")
                + quoted(settings) + ":";
        if (missing.size() == 1) {
            return summary + " " + missing.get(0).reason();
        }
        return summary
                + missing.stream()
                        .map(each -> "\n- " + quoted(each.settings()) + ": " + each.reason())
                        .collect(Collectors.joining());
    }

    private static String quoted(List<String> settings) {
        return settings.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /** Every missing setting's name, comma-separated. */
    public String setting() {
        return missing.stream().flatMap(each -> each.settings().stream()).collect(Collectors.joining(", "));
    }

    public List<MissingSetting> missing() {
        return missing;
    }

    /** How to provide them: one line per missing setting when there are several. */
    public String action() {
        if (missing.size() == 1) {
            return missing.get(0).action();
        }
        return missing.stream().map(each -> "- " + each.action()).collect(Collectors.joining("\n"));
    }
}
