package com.rdsmigration.gateway.rds.signing;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as Alibaba Cloud signatures require: only {@code A-Z a-z 0-9 - _ . ~} stay as they are,
 * every other UTF-8 byte becomes {@code %XY} with uppercase hex (so a space is {@code %20}, never {@code +}).
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }
}
