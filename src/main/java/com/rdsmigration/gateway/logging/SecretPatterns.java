package com.rdsmigration.gateway.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds secrets by where they stand rather than by what they are: the value after a name that speaks of a password,
 * secret, token or API key, in every shape logs show it. Query and form strings ({@code SourcePassword=p%40ss}, and
 * {@code SourcePassword%3D...%26} inside a V1 string to sign), JSON ({@code "password":"..."}, escaped or not),
 * headers as HttpClient, Tomcat and Spring print them ({@code x-acs-bearer-token: ...},
 * {@code X-API-Key:"..."}, {@code x-api-key=[...]}), the token of {@code Authorization: Bearer ...}, the rejected
 * value of a validation error on such a field, and the token Jackson quotes from broken JSON.
 */
final class SecretPatterns {

    /** A name ending in one of the secret words, as a whole word of its own (its prefix may hold {@code . - _}). */
    private static final String NAME = "[A-Za-z0-9_.-]*(?:password|passwd|secret|security[-_]?token"
            + "|bearer[-_]?token|api[-_]?key|authorization)";

    private static final Pattern NAMED =
            Pattern.compile("(?i)(?<![A-Za-z0-9_.-])(" + NAME + ")(?:\\\\?[\"'])?\\s*(?::|=|%3D)[ \\t]*");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)" + NAME);
    private static final String REJECTED = "rejected value [";
    private static final Pattern REJECTED_VALUE = Pattern.compile("field '([^']*)': rejected value \\[");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(?:bearer|basic|token)\\s+");
    private static final String UNQUOTED_END = "&,;\"'<>[]{}()";

    private SecretPatterns() {}

    /** The spans, as {@code [start, end)} pairs in order, that hold a secret value. */
    static List<int[]> find(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            int[] value = valueAfter(text, named.end(), named.group(1));
            if (value != null) {
                spans.add(value);
            }
        }
        Matcher rejected = REJECTED_VALUE.matcher(text);
        while (rejected.find()) {
            if (SECRET_NAME.matcher(rejected.group(1)).matches()) {
                int end = text.indexOf("]; codes [", rejected.end());
                spans.add(new int[] {rejected.end(), end >= 0 ? end : closing(text, rejected.end(), "]")});
            }
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(text);
        while (token.find()) {
            spans.add(new int[] {token.end(), closing(text, token.end(), "'")});
        }
        return spans;
    }

    /** The value that follows a secret's name and separator, or {@code null} when there is none to hide. */
    private static int @Nullable [] valueAfter(String text, int from, String name) {
        int start = from;
        if (text.startsWith(REJECTED, start)) {
            return null; // a validation error's "field 'x.password': rejected value [...]": masked below
        }
        String close = opening(text, start);
        if (close != null) {
            start += close.length(); // an opening delimiter is as long as its closing one
        }
        if (name.toLowerCase(Locale.ROOT).endsWith("authorization")) {
            // Only a bearer or basic credential is secret; a V3 "ACS3-HMAC-SHA256 Credential=..." is a signature.
            Matcher scheme = AUTH_SCHEME.matcher(text).region(start, text.length());
            if (!scheme.lookingAt()) {
                return null;
            }
            start = scheme.end();
        }
        int end = close != null ? closing(text, start, close) : unquotedEnd(text, start);
        return end > start ? new int[] {start, end} : null;
    }

    /** What closes a value that opens at {@code at}: an escaped or plain quote, an apostrophe, a bracket; or none. */
    private static @Nullable String opening(String text, int at) {
        if (text.startsWith("\\\"", at)) {
            return "\\\"";
        }
        if (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"' || c == '\'') {
                return String.valueOf(c);
            }
            if (c == '[') {
                return "]";
            }
        }
        return null;
    }

    /** Where a quoted value ends: its closing delimiter (a plain quote escaped by a backslash does not count). */
    private static int closing(String text, int start, String close) {
        for (int i = start; i < text.length(); i++) {
            if (close.equals("\"") && text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(close, i)) {
                return i;
            }
        }
        return text.length();
    }

    /** Where a bare value ends: at white space, a delimiter, or an encoded {@code &} of a string to sign. */
    private static int unquotedEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || UNQUOTED_END.indexOf(c) >= 0 || text.regionMatches(true, i, "%26", 0, 3)) {
                break;
            }
            i++;
        }
        return i;
    }
}
