package com.rdsmigration.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an idempotency key: the SHA-256 (lowercase hex) of the method, the path with
 * its query, and the canonical body. A JSON body is canonical with its insignificant whitespace dropped and object
 * members sorted by name, so a client that re-serialises the same request is not refused; any other body counts byte
 * for byte.
 */
final class Fingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Fingerprint() {}

    static String of(String method, String target, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((method + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(canonicalBody(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** {@code json:} and the canonical JSON, or {@code raw:} and the bytes as sent. */
    static byte[] canonicalBody(byte[] body) {
        byte[] canonical = canonicalJson(body);
        byte[] prefix = (canonical != null ? "json:" : "raw:").getBytes(StandardCharsets.US_ASCII);
        byte[] content = canonical != null ? canonical : body;
        byte[] result = new byte[prefix.length + content.length];
        System.arraycopy(prefix, 0, result, 0, prefix.length);
        System.arraycopy(content, 0, result, prefix.length, content.length);
        return result;
    }

    private static byte @Nullable [] canonicalJson(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            return tree == null || tree.isMissingNode() ? null : CANONICAL.writeValueAsBytes(tree);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
