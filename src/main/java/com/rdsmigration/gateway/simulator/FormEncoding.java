package com.rdsmigration.gateway.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body) into parameters: {@code +}
 * is a space, {@code %XY} a UTF-8 byte, a name without {@code =} has the empty value, and the first of repeated
 * names wins. Done by hand because the servlet container's parameter parsing would consume the raw body.
 */
final class FormEncoding {

    private FormEncoding() {}

    static Map<String, String> decode(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = unescape(equals < 0 ? pair : pair.substring(0, equals), "a parameter name");
            String value = equals < 0 ? "" : unescape(pair.substring(equals + 1), shortened(name));
            parameters.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    static Map<String, String> decode(byte[] body) {
        return decode(new String(body, StandardCharsets.UTF_8));
    }

    /** Names the parameter, never echoes the text: a badly encoded value may be a password. */
    private static String unescape(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RdsError.invalidParameter(parameter, "Bad URL encoding.");
        }
    }

    private static String shortened(String name) {
        return name.length() > 40 ? name.substring(0, 40) : name;
    }
}
