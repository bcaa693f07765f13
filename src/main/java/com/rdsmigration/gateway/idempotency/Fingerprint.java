package com.rdsmigration.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an idempotency key: the HMAC-SHA256 (lowercase hex) of the method, the path
 * with its query, and the canonical body, under a secret kept outside the database. A plain hash would let anyone
 * who reads the key table test guesses of the source password a body carried; the keyed one does not. A JSON body is canonical with its insignificant whitespace dropped and object
 * members sorted by name, so a client that re-serialises the same request is not refused; any other body counts byte
 * for byte.
 */
final class Fingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SecretKeySpec key;

    Fingerprint(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(String method, String target, byte[] body) {
        Mac mac = hmac();
        mac.update((method + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
        mac.update(canonicalBody(body));
        return HexFormat.of().formatHex(mac.doFinal());
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

    private Mac hmac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM has no HmacSHA256", e);
        }
    }
}
