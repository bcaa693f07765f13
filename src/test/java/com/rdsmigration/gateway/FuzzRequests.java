package com.rdsmigration.gateway;

import static com.rdsmigration.gateway.FuzzVocabulary.ACCEPTS;
import static com.rdsmigration.gateway.FuzzVocabulary.CONTENT_TYPES;
import static com.rdsmigration.gateway.FuzzVocabulary.ENDPOINTS;
import static com.rdsmigration.gateway.FuzzVocabulary.JUNK;
import static com.rdsmigration.gateway.FuzzVocabulary.KEYS;
import static com.rdsmigration.gateway.FuzzVocabulary.METHODS;
import static com.rdsmigration.gateway.FuzzVocabulary.PARAMETERS;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random and malformed requests to every endpoint of the API, from a seeded {@link Random} so a failure can be
 * replayed: wrong methods, junk ids and query values (unicode, huge numbers, injection strings, raw and percent-encoded
 * bytes), wrong or missing content types, bad keys, oversized and odd headers, and bodies that are valid JSON with
 * mutated fields, or not JSON at all. Most requests are wrong in several ways at once; some are valid by chance.
 */
final class FuzzRequests {

    /** One request: what it is (for a failure message) and its bytes. */
    record Request(int number, String method, String target, String description, byte[] head, byte[] body) {}

    private final Random random;

    /**
     * Whether this request may carry raw, unencoded junk in its target. Only requests without a body do: a server that
     * rejects the request line closes the connection, and unread body bytes would turn its answer into a reset.
     */
    private boolean raw;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next(int number) {
        String[] endpoint = pick(ENDPOINTS).split(" ");
        String method = chance(75) ? endpoint[0] : pick(METHODS);
        byte[] body = body(endpoint[0].equals("POST") && !endpoint[1].contains("{id}"), endpoint[1]);
        raw = body.length == 0 && chance(20);
        String target = path(endpoint[1]) + query();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        StringBuilder description = new StringBuilder(method + " " + abbreviate(target));
        if (chance(80)) {
            String key = chance(85) ? pick(KEYS) : pick(JUNK);
            head.append("X-API-Key: ").append(key).append("\r\n");
        }
        if (chance(85)) {
            head.append("X-Request-Id: fuzz-").append(number).append("\r\n");
        } else {
            head.append("X-Request-Id: ").append(pick(JUNK)).append("\r\n");
        }
        String contentType = pick(CONTENT_TYPES);
        if (!contentType.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (chance(50)) {
            head.append("Accept: ").append(pick(ACCEPTS)).append("\r\n");
        }
        if (chance(20)) {
            head.append("Idempotency-Key: ")
                    .append(chance(50) ? UUID.randomUUID() : pick(JUNK))
                    .append("\r\n");
        }
        if (raw && chance(10)) {
            head.append("X-Padding: ").append("p".repeat(20_000)).append("\r\n");
        }
        if (raw && chance(10)) {
            head.append(pick(List.of("Bad Header: x", "X-Odd:\u00e9\u00e8", "X-Empty:", ": no name")))
                    .append("\r\n");
        }
        description
                .append(" [")
                .append(contentType)
                .append(", ")
                .append(body.length)
                .append(" bytes]");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        return new Request(number, method, target, description.toString(), headBytes, body);
    }

    private String path(String template) {
        String path = template.replace("{id}", chance(35) ? UUID.randomUUID().toString() : idJunk());
        int shape = random.nextInt(100);
        if (shape < 3) {
            return path + "/extra";
        }
        if (shape < 5) {
            return path.replace("/v1/", "//v1/");
        }
        if (shape < 7) {
            return path + ";jsessionid=x";
        }
        if (shape < 9) {
            return "/api/v1/imports/../quota";
        }
        if (shape < 10) {
            return "/api/v2" + path.substring("/api/v1".length());
        }
        return path;
    }

    private String idJunk() {
        String junk = pick(JUNK);
        return raw ? printable(junk) : encode(junk);
    }

    private String query() {
        if (chance(50)) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String value = pick(JUNK);
            query.append(i == 0 ? '?' : '&')
                    .append(pick(PARAMETERS))
                    .append('=')
                    .append(raw && chance(50) ? printable(value) : encode(value));
        }
        return query.toString();
    }

    private byte[] body(boolean create, String path) {
        if (!create && chance(70)) {
            return new byte[0];
        }
        if (create && chance(60)) {
            return mutated(path).getBytes(StandardCharsets.UTF_8);
        }
        return junkBody();
    }

    private String mutated(String path) {
        String source = "\"source\":{\"host\":\"" + field("172.16.0.10") + "\",\"port\":" + number("5432")
                + ",\"account\":\"" + field("migrator") + "\",\"password\":\"" + field("fuzz-pw") + "\",\"category\":\""
                + field("ecsOnVpc") + "\"}";
        String json = path.contains("webhooks")
                ? "{\"url\":\"" + field("http://127.0.0.1:9/hook") + "\""
                        + (chance(50)
                                ? ",\"taskId\":\"" + field(UUID.randomUUID().toString()) + "\""
                                : "") + "}"
                : path.contains("imports")
                        ? "{\"sourceInstanceId\":\"" + field("rm-fz" + random.nextInt(1_000_000))
                                + "\",\"targetInstanceId\":\"" + field("rm-fy" + random.nextInt(1_000_000))
                                + "\",\"databases\":" + databases() + "}"
                        : "{\"targetInstanceId\":\"" + field("pgm-fz" + random.nextInt(1_000_000)) + "\"," + source
                                + (chance(30) ? ",\"taskName\":\"" + field("fuzz") + "\"" : "")
                                + (chance(20)
                                        ? ",\"precheckId\":\""
                                                + field(UUID.randomUUID().toString()) + "\""
                                        : "") + "}";
        if (chance(20)) {
            json = json.replaceFirst("\"[a-zA-Z]+\":", "\"" + pick(PARAMETERS) + "\":");
        }
        if (chance(15)) {
            json = json.replaceFirst(
                    ":\"[^\"]*\"",
                    ":"
                            + pick(List.of(
                                    "1e400",
                                    "123456789012345678901234567890",
                                    "-1",
                                    "true",
                                    "null",
                                    "[]",
                                    "{}",
                                    "[[[[[[]]]]]]",
                                    "\"" + "z".repeat(100_000) + "\"")));
        }
        if (chance(10)) {
            json = json.substring(0, random.nextInt(json.length()));
        }
        return json;
    }

    private String field(String valid) {
        return chance(80) ? valid : jsonEscape(pick(JUNK));
    }

    private String number(String valid) {
        return chance(85)
                ? valid
                : pick(List.of("-1", "0", "65536", "1e400", "99999999999999999999", "\"5432\"", "5.5"));
    }

    private String databases() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"sales\":\"sales_copy\"}";
            case 1 -> "[]";
            case 2 -> "[\"" + jsonEscape(pick(JUNK)) + "\"]";
            case 3 -> "{\"a\":\"b\",\"c\":\"b\"}";
            default -> "[\"sales\"]";
        };
    }

    private byte[] junkBody() {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "{".getBytes(StandardCharsets.UTF_8);
            case 2 -> "null".getBytes(StandardCharsets.UTF_8);
            case 3 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 4 -> "<a><b/></a>".getBytes(StandardCharsets.UTF_8);
            case 5 -> "a=b&c=%zz".getBytes(StandardCharsets.UTF_8);
            case 6 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case 8 -> ("\ufeff{\"sourceInstanceId\":\"rm-a\"}").getBytes(StandardCharsets.UTF_8);
            case 9 -> ("{\"sourceInstanceId\":\"rm-a\"} trailing").getBytes(StandardCharsets.UTF_8);
            case 10 -> ("\"" + "y".repeat(2_000_000) + "\"").getBytes(StandardCharsets.UTF_8);
            default -> randomBytes();
        };
    }

    private byte[] randomBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = random.nextInt(2000);
        for (int i = 0; i < length; i++) {
            out.write(random.nextInt(256));
        }
        return out.toByteArray();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The value without whitespace and control characters, which would end the request line. */
    private static String printable(String value) {
        return value.replaceAll("[\\s\\p{Cntrl}\\u202e]", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
