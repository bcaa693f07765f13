package com.rdsmigration.gateway.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code databases} choice of a create-import request (an array of names, or a map of source to target names) on
 * the generated client's side. The generator's Java templates cannot write a {@code oneOf} of an array and a map (they
 * emit {@code Map<String, String>.class}), so the pom maps that schema to this hand-written type, which writes either
 * form as the document says.
 */
public final class Databases {

    private final Object names;

    private Databases(Object names) {
        this.names = names;
    }

    /** The same names on both sides. */
    public static Databases sameNames(String... names) {
        return new Databases(List.of(names));
    }

    /** Source names to target names. */
    public static Databases renamed(Map<String, String> names) {
        return new Databases(new LinkedHashMap<>(names));
    }

    @JsonCreator
    static Databases of(Object names) {
        return new Databases(names);
    }

    @JsonValue
    public Object names() {
        return names;
    }

    /** The generated models' query-string form, as {@code prefix[index]=name} or {@code prefix[source]=target}. */
    public String toUrlQueryString(String prefix) {
        if (names instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> encode(prefix + "[" + entry.getKey() + "]") + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&"));
        }
        List<?> list = (List<?>) names;
        return java.util.stream.IntStream.range(0, list.size())
                .mapToObj(index -> encode(prefix + "[" + index + "]") + "=" + encode(list.get(index)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
