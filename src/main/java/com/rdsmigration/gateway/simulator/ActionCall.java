package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated call of an action: its request id, its business parameters and the clock's time when it
 * arrived. Reading a parameter validates it the way the real service answers: absent (or empty) and required gives
 * {@code MissingParameter}, malformed or out of range gives {@code InvalidParameter} naming it.
 */
record ActionCall(String requestId, Map<String, String> parameters, Instant now) {

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw RdsError.missingParameter(name);
        }
        return value;
    }

    @Nullable
    String optional(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    long requiredLong(String name, long min, long max) {
        return parseLong(name, required(name), min, max);
    }

    @Nullable
    Long optionalLong(String name, long min, long max) {
        String value = optional(name);
        return value == null ? null : parseLong(name, value, min, max);
    }

    long longOrDefault(String name, long defaultValue, long min, long max) {
        Long value = optionalLong(name, min, max);
        return value == null ? defaultValue : value;
    }

    private static long parseLong(String name, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw RdsError.invalidParameter(name, "It must be an integer.");
        }
        if (value < min || value > max) {
            throw RdsError.invalidParameter(name, "It must be between " + min + " and " + max + ".");
        }
        return value;
    }
}
