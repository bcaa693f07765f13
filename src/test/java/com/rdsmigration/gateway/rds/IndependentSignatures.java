package com.rdsmigration.gateway.rds;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's two request signatures written again from the reference, for tests only and on purpose sharing no
 * code with the gateway's {@code rds.signing}: a test that checks what the gateway sent with these functions does not
 * check the gateway's signer against itself. {@link IndependentSignaturesTests} holds them to the documented vectors.
 */
final class IndependentSignatures {

    private IndependentSignatures() {}

    /** V1 (HMAC-SHA1): Base64 of the HMAC over {@code METHOD&%2F&enc(sorted query)}, keyed with the secret and "&". */
    static String v1(String method, Map<String, String> parameters, String secret) {
        String canonical = new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(entry -> !entry.getKey().equals("Signature"))
                        .filter(entry ->
                                entry.getValue() != null && !entry.getValue().isEmpty())
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
        String toSign = method + "&" + encode("/") + "&" + encode(canonical);
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret + "&", toSign));
    }

    /**
     * V3 (ACS3-HMAC-SHA256): the hex HMAC-SHA256, keyed with the secret, of {@code ACS3-HMAC-SHA256\n} and the SHA-256
     * of the canonical request over the signed headers ({@code headers} by lowercase name).
     */
    static String v3(
            String method,
            Map<String, String> query,
            Map<String, String> headers,
            String signedHeaders,
            byte[] body,
            String secret) {
        String canonicalQuery = new TreeMap<>(query)
                .entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(headers.get(name).trim())
                    .append('\n');
        }
        String request = method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + sha256Hex(body);
        String toSign = "ACS3-HMAC-SHA256\n" + sha256Hex(request.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac("HmacSHA256", secret, toSign));
    }

    /** The parameters of a query string, decoded. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, every other byte is %XY in uppercase hex. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
