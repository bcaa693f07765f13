package com.rdsmigration.gateway.logging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact secret values the gateway was configured with or fetched (access key secrets, security tokens, bearer
 * tokens), each with the percent-encoded forms a query string, a form body or a V1 string to sign gives it. Bounded:
 * rotated temporary credentials push out the oldest values rather than growing the set for ever.
 */
final class SecretValues {

    /** Shorter values are not masked by value: they would blot out ordinary words of every log line. */
    static final int MIN_LENGTH = 8;

    private static final int CAPACITY = 256;

    private final Set<String> values = new LinkedHashSet<>();
    private volatile List<String> snapshot = List.of();

    /** Adds a value and its encoded forms; {@code false} when it is too short to mask by value. */
    synchronized boolean add(String value) {
        if (value.length() < MIN_LENGTH) {
            return false;
        }
        String percent = percentEncode(value);
        boolean changed = false;
        for (String form :
                List.of(value, percent, URLEncoder.encode(value, StandardCharsets.UTF_8), percentEncode(percent))) {
            changed |= values.add(form);
        }
        while (values.size() > CAPACITY) {
            values.remove(values.iterator().next());
        }
        if (changed) {
            // Longest first, so that an encoded form is replaced whole before a shorter form inside it.
            snapshot = values.stream()
                    .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                    .toList();
        }
        return true;
    }

    List<String> all() {
        return snapshot;
    }

    /** RFC 3986, as signatures and the gateway's query strings encode: {@code A-Z a-z 0-9 - _ . ~} stay as they are. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0x0F, 16)));
            }
        }
        return out.toString();
    }
}
