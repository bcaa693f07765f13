package com.rdsmigration.gateway.rds.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * ACS3-HMAC-SHA256 signatures (docs/rds-openapi-notes.md, "Signature V3"): a canonical request of method, URI, sorted
 * query, signed headers and the payload hash; its SHA-256 is signed with HMAC-SHA256 under the plain secret and hex
 * encoded.
 */
public final class SignatureV3 {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    public static final String EMPTY_PAYLOAD_HASH = hexSha256(new byte[0]);

    private SignatureV3() {}

    /** Sorted, percent-encoded {@code name=value} pairs; unlike V1, an empty value stays as {@code name=}. */
    public static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query)
                .entrySet().stream()
                        .map(e -> PercentEncoding.encode(e.getKey()) + "="
                                + PercentEncoding.encode(e.getValue() == null ? "" : e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /**
     * The canonical request. {@code headers} are the headers to sign; names are lower-cased and values trimmed here.
     */
    public static String canonicalRequest(
            String method,
            String canonicalUri,
            Map<String, String> query,
            Map<String, String> headers,
            String payloadHash) {
        SortedMap<String, String> signed = lowerCased(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value).append('\n'));
        return method + "\n" + canonicalUri + "\n" + canonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signed.keySet()) + "\n" + payloadHash;
    }

    public static String signedHeaders(Map<String, String> headers) {
        return String.join(";", lowerCased(headers).keySet());
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + hexSha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex HMAC-SHA256 of the string to sign under the secret (no {@code &} suffix, unlike V1). */
    public static String signature(String accessKeySecret, String stringToSign) {
        return HexFormat.of()
                .formatHex(Hashing.hmac(
                        "HmacSHA256",
                        accessKeySecret.getBytes(StandardCharsets.UTF_8),
                        stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    public static String authorization(String accessKeyId, String signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
    }

    public static String hexSha256(byte[] payload) {
        return HexFormat.of().formatHex(Hashing.sha256(payload));
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean signaturesEqual(String expected, String provided) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.UTF_8));
    }

    private static SortedMap<String, String> lowerCased(Map<String, String> headers) {
        SortedMap<String, String> sorted = new TreeMap<>();
        headers.forEach((name, value) -> sorted.put(name.toLowerCase(java.util.Locale.ROOT), value.trim()));
        return sorted;
    }
}
