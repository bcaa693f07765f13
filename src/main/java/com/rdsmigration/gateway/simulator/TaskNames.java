package com.rdsmigration.gateway.simulator;

import java.security.SecureRandom;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Task names: unique per instance and kind (a name already taken answers {@code InvalidTaskName.Duplicate}); when a
 * create call gives none, the upstream makes one up of ten lowercase letters and digits.
 */
final class TaskNames {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TaskNames() {}

    /** The requested name if free, or a fresh generated one when none is requested. */
    static String unique(@Nullable String requested, Collection<String> taken) {
        if (requested == null) {
            String generated;
            do {
                generated = generate();
            } while (taken.contains(generated));
            return generated;
        }
        if (taken.contains(requested)) {
            throw new RdsError(
                    400, "InvalidTaskName.Duplicate", "The specified TaskName already exists on this instance.");
        }
        return requested;
    }

    static String generate() {
        StringBuilder name = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
