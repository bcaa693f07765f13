package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code DBInfo} parameter of ImportDatabaseBetweenInstances (docs/rds-openapi-notes.md):
 * {@code {"DBNames":{"src":"dst"}}} mapping source to destination names, or the legacy {@code {"DBNames":["a","b"]}}
 * keeping each name. At least one database; every name non-blank and unique on its side, else
 * {@code InvalidParameter} naming {@code DBInfo}.
 */
final class DbInfo {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DbInfo() {}

    /** Source name to destination name, in the order given. */
    static Map<String, String> parse(String text) {
        JsonNode names;
        try {
            names = STRICT.readTree(text).path("DBNames");
        } catch (JacksonException e) {
            throw invalid("It is not valid JSON (a duplicate name counts as invalid).");
        }
        Map<String, String> databases = new LinkedHashMap<>();
        if (names.isObject()) {
            for (Map.Entry<String, JsonNode> entry : names.properties()) {
                databases.put(name(entry.getKey()), name(entry.getValue()));
            }
        } else if (names.isArray()) {
            for (JsonNode element : names.values()) {
                String name = name(element);
                if (databases.put(name, name) != null) {
                    throw invalid("The database \"" + name + "\" appears twice.");
                }
            }
        } else {
            throw invalid("It needs DBNames, an object or an array of database names.");
        }
        if (databases.isEmpty()) {
            throw invalid("DBNames names no database.");
        }
        Set<String> destinations = new HashSet<>();
        for (String destination : databases.values()) {
            if (!destinations.add(destination)) {
                throw invalid("The destination database \"" + destination + "\" appears twice.");
            }
        }
        return Collections.unmodifiableMap(databases);
    }

    private static String name(JsonNode node) {
        if (!node.isString()) {
            throw invalid("Database names must be strings.");
        }
        return name(node.stringValue());
    }

    private static String name(String name) {
        if (name.isBlank()) {
            throw invalid("Database names must not be empty.");
        }
        return name;
    }

    private static RdsError invalid(String why) {
        return RdsError.invalidParameter(RdsParameters.DB_INFO, why);
    }
}
