package com.rdsmigration.gateway.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The shapes a secret takes on its way out: plain, form-encoded, percent-encoded (RFC 3986) and encoded twice. */
public final class SecretForms {

    private SecretForms() {}

    /** Every form of every one of {@code secrets}. */
    public static List<String> of(String... secrets) {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            String percent = percentEncode(secret);
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(percent);
            forms.add(percentEncode(percent));
        }
        return new ArrayList<>(forms);
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
