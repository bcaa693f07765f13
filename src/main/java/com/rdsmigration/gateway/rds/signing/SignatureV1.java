package com.rdsmigration.gateway.rds.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * HMAC-SHA1 RPC signatures ({@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0}; docs/rds-openapi-notes.md,
 * "Signature V1"): every parameter but {@code Signature} and those with empty values, sorted by name in code-point
 * order, percent-encoded, then signed as {@code METHOD&%2F&encode(query)} with the key {@code secret + "&"}.
 */
public final class SignatureV1 {

    public static final String SIGNATURE = "Signature";
    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    public static final String SIGNATURE_VERSION = "1.0";

    private SignatureV1() {}

    public static String canonicalizedQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !SIGNATURE.equals(e.getKey()))
                        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                        .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + PercentEncoding.encode("/") + "&"
                + PercentEncoding.encode(canonicalizedQuery(parameters));
    }

    /** Base64 HMAC-SHA1 of the string to sign under {@code accessKeySecret + "&"}. */
    public static String sign(String httpMethod, Map<String, String> parameters, String accessKeySecret) {
        byte[] key = (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8);
        byte[] data = stringToSign(httpMethod, parameters).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Hashing.hmac("HmacSHA1", key, data));
    }

    /** Whether {@code provided} is the signature of these parameters, compared in constant time. */
    public static boolean verify(
            String httpMethod, Map<String, String> parameters, String accessKeySecret, String provided) {
        String expected = sign(httpMethod, parameters, accessKeySecret);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.UTF_8));
    }
}
