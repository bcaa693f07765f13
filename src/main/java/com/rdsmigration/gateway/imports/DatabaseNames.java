package com.rdsmigration.gateway.imports;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the {@code databases} of a request into a source-to-target mapping, or says what is wrong with it. */
final class DatabaseNames {

    static final int MAX_NAME_LENGTH = 128;

    /** SQL Server regular identifiers: a letter, {@code _}, {@code @} or {@code #}, then letters, digits, {@code _@#$}. */
    static final String NAME_PATTERN = "^[\\p{L}_@#][\\p{L}\\p{Nd}_@#$]{0," + (MAX_NAME_LENGTH - 1) + "}$";

    private static final Pattern IDENTIFIER = Pattern.compile(NAME_PATTERN);

    static final String NAME_RULE = "A SQL Server identifier: a letter, _, @ or # first, then letters, digits, _, @, #"
            + " or $; unique on its side regardless of case.";

    static final int MAX_DATABASES = 100;

    private DatabaseNames() {}

    /** The mapping, in request order. Call only on a value that {@link #problem} accepted. */
    static Map<String, String> mapping(JsonNode databases) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (databases.isArray()) {
            databases.forEach(name -> mapping.put(name.asString(), name.asString()));
        } else {
            databases
                    .properties()
                    .forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        }
        return mapping;
    }

    /** What is wrong with a {@code databases} value, if anything. */
    static Optional<String> problem(JsonNode databases) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (databases.isArray()) {
            for (JsonNode name : databases) {
                if (!name.isString()) {
                    return Optional.of("database names must be strings");
                }
                if (mapping.put(name.asString(), name.asString()) != null) {
                    return Optional.of("database " + name.asString() + " is listed twice");
                }
            }
        } else if (databases.isObject()) {
            for (var entry : databases.properties()) {
                if (!entry.getValue().isString()) {
                    return Optional.of("the target name of " + entry.getKey() + " must be a string");
                }
                mapping.put(entry.getKey(), entry.getValue().asString());
            }
        } else {
            return Optional.of("must be an array of database names or an object mapping source to target names");
        }
        return problemOf(mapping);
    }

    private static Optional<String> problemOf(Map<String, String> mapping) {
        if (mapping.isEmpty()) {
            return Optional.of("must name at least one database");
        }
        if (mapping.size() > MAX_DATABASES) {
            return Optional.of("must name at most " + MAX_DATABASES + " databases");
        }
        for (var entry : mapping.entrySet()) {
            for (String name : new String[] {entry.getKey(), entry.getValue()}) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    return Optional.of("'" + name + "' is not a valid SQL Server database name"
                            + " (a letter, _, @ or # first, then letters, digits, _ @ # $; at most 128)");
                }
            }
        }
        if (hasDuplicates(mapping.keySet().stream()) || hasDuplicates(mapping.values().stream())) {
            return Optional.of("database names must be unique on each side (SQL Server ignores case)");
        }
        return Optional.empty();
    }

    private static boolean hasDuplicates(java.util.stream.Stream<String> names) {
        var seen = new java.util.HashSet<String>();
        return names.map(name -> name.toLowerCase(Locale.ROOT)).anyMatch(name -> !seen.add(name));
    }
}
