package com.rdsmigration.gateway.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hides secrets in text that is about to leave the process as a log line or a message: by pattern (the value after a
 * secret's name, see {@link SecretPatterns}) and by value (every secret registered here, plain and percent-encoded).
 * Static because logback's converters, which render every message and stack trace, are not Spring beans; values are
 * registered at start-up from the environment ({@link SecretValuesRegistration}) and by credential providers as they
 * fetch fresh credentials.
 */
public final class SecretMasking {

    /** What a hidden value reads as, here as in the audit trail. */
    public static final String MASK = "******";

    private static final SecretValues VALUES = new SecretValues();

    private SecretMasking() {}

    /** Registers a secret value; values shorter than {@value SecretValues#MIN_LENGTH} characters are ignored. */
    public static void register(@Nullable String secret) {
        if (secret != null && !secret.isBlank()) {
            VALUES.add(secret.strip());
        }
    }

    /** The text with every secret it shows replaced by {@value #MASK}. */
    public static String mask(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String byValue = text;
        for (String secret : VALUES.all()) {
            if (byValue.contains(secret)) {
                byValue = byValue.replace(secret, MASK);
            }
        }
        return byPattern(byValue);
    }

    private static String byPattern(String text) {
        List<int[]> spans = new ArrayList<>(SecretPatterns.find(text));
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(span -> span[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : spans) {
            int start = Math.max(span[0], copied);
            if (span[1] <= start) {
                continue;
            }
            out.append(text, copied, start).append(MASK);
            copied = span[1];
        }
        return out.append(text, copied, text.length()).toString();
    }
}
