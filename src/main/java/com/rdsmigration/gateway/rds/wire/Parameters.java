package com.rdsmigration.gateway.rds.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a parameter map, leaving out values that are not set. */
final class Parameters {

    private final Map<String, String> values = new LinkedHashMap<>();

    Parameters put(String name, @Nullable Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
        return this;
    }

    Map<String, String> build() {
        return Collections.unmodifiableMap(values);
    }
}
