package com.rdsmigration.gateway;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The bad requests of InvalidRequestTests, one per kind: its name, method ({@code NOKEY} for a GET without a key), path,
 * body, the status it must get and the field its problem must name. Those bad whatever is stored feed
 * InvalidRequestSliceTests too.
 */
final class InvalidRequests {

    static final String SOURCE =
            "{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\",\"password\":\"pw\",\"category\":\"ecsOnVpc\"}";

    static String imports(String source, String target, String databases) {
        return "{\"sourceInstanceId\":\"" + source + "\",\"targetInstanceId\":\"" + target + "\",\"databases\":"
                + databases + "}";
    }

    static String precheck(String target, String source, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":" + source + extra + "}";
    }

    static String source(String field, String json) {
        return SOURCE.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+)", "\"" + field + "\":" + json);
    }

    static Arguments bad(String name, String method, String path, String body, int status, String field) {
        return Arguments.of(name, method, path, body, status, field);
    }

    static Stream<Arguments> all() {
        return Stream.concat(refusedBeforeTheService(), refusedForWhatIsStored());
    }

    /** Bad whatever is stored: the web layer refuses them alone (InvalidRequestSliceTests runs them there too). */
    static Stream<Arguments> refusedBeforeTheService() {
        String manyNames =
                IntStream.range(0, 101).mapToObj(i -> "\"db" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                bad("empty import", "POST", "/api/v1/imports", "{}", 400, "sourceInstanceId"),
                bad(
                        "import without target",
                        "POST",
                        "/api/v1/imports",
                        "{\"sourceInstanceId\":\"rm-a-abc123\",\"databases\":[\"a\"]}",
                        400,
                        "targetInstanceId"),
                bad(
                        "import from a PostgreSQL id",
                        "POST",
                        "/api/v1/imports",
                        imports("pgm-a-abc123", "rm-a-def456", "[\"a\"]"),
                        400,
                        "sourceInstanceId"),
                bad(
                        "upper-case instance id",
                        "POST",
                        "/api/v1/imports",
                        imports("RM-ABC123", "rm-a-def456", "[\"a\"]"),
                        400,
                        "sourceInstanceId"),
                bad(
                        "import onto itself",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-abc123", "[\"a\"]"),
                        400,
                        "targetInstanceId"),
                bad(
                        "no databases",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[]"),
                        400,
                        "databases"),
                bad(
                        "empty mapping",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "{}"),
                        400,
                        "databases"),
                bad(
                        "name starting with a digit",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[\"1sales\"]"),
                        400,
                        "databases"),
                bad(
                        "name with a space",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[\"my db\"]"),
                        400,
                        "databases"),
                bad(
                        "name twice, other case",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[\"sales\",\"SALES\"]"),
                        400,
                        "databases"),
                bad(
                        "two sources onto one target",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "{\"a\":\"x\",\"b\":\"x\"}"),
                        400,
                        "databases"),
                bad(
                        "databases as a string",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "\"sales\""),
                        400,
                        "databases"),
                bad(
                        "database name as a number",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[1]"),
                        400,
                        "databases"),
                bad(
                        "target name as a number",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "{\"a\":1}"),
                        400,
                        "databases"),
                bad(
                        "101 databases",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", manyNames),
                        400,
                        "databases"),
                bad(
                        "129-character name",
                        "POST",
                        "/api/v1/imports",
                        imports("rm-a-abc123", "rm-a-def456", "[\"a" + "b".repeat(128) + "\"]"),
                        400,
                        "databases"),
                bad("malformed JSON", "POST", "/api/v1/imports", "{\"sourceInstanceId\": ", 400, null),
                bad("an array instead of an object", "POST", "/api/v1/imports", "[]", 400, null),
                bad("an import id that is not a UUID", "GET", "/api/v1/imports/not-a-uuid", null, 400, "id"),
                bad("page size 0", "GET", "/api/v1/imports?size=0", null, 400, "size"),
                bad("page size 201", "GET", "/api/v1/imports?size=201", null, 400, "size"),
                bad("negative page", "GET", "/api/v1/imports?page=-1", null, 400, "page"),
                bad("unknown status filter", "GET", "/api/v1/imports?status=DONE", null, 400, "status"),
                bad("unparsable date filter", "GET", "/api/v1/imports?from=yesterday", null, 400, "from"),
                bad("empty precheck", "POST", "/api/v1/cloud-migration-prechecks", "{}", 400, "source"),
                bad(
                        "precheck onto a SQL Server id",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("rm-a-abc123", SOURCE, ""),
                        400,
                        "targetInstanceId"),
                bad(
                        "port 0",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("port", "0"), ""),
                        400,
                        "source.port"),
                bad(
                        "port 70000",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("port", "70000"), ""),
                        400,
                        "source.port"),
                bad(
                        "port as text",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("port", "\"fast\""), ""),
                        400,
                        "source.port"),
                bad(
                        "host with spaces",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("host", "\"not a host\""), ""),
                        400,
                        "source.host"),
                bad(
                        "IPv4 out of range",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("host", "\"999.1.1.1\""), ""),
                        400,
                        "source.host"),
                bad(
                        "bad IPv6",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("host", "\"fe80:::1\""), ""),
                        400,
                        "source.host"),
                bad(
                        "unknown category",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("category", "\"cloud\""), ""),
                        400,
                        "source.category"),
                bad(
                        "no password",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", SOURCE.replace(",\"password\":\"pw\"", ""), ""),
                        400,
                        "source.password"),
                bad(
                        "empty account",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", source("account", "\"\""), ""),
                        400,
                        "source.account"),
                bad(
                        "task name with spaces",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", SOURCE, ",\"taskName\":\"my task\""),
                        400,
                        "taskName"),
                bad(
                        "65-character task name",
                        "POST",
                        "/api/v1/cloud-migration-prechecks",
                        precheck("pgm-a-abc123", SOURCE, ",\"taskName\":\"" + "t".repeat(65) + "\""),
                        400,
                        "taskName"),
                bad(
                        "precheck id not a UUID",
                        "POST",
                        "/api/v1/cloud-migrations",
                        precheck("pgm-a-abc123", SOURCE, ",\"precheckId\":\"xyz\""),
                        400,
                        "precheckId"),
                bad("migration page size 500", "GET", "/api/v1/cloud-migrations?size=500", null, 400, "size"),
                bad(
                        "a 10.5 MB body",
                        "POST",
                        "/api/v1/imports",
                        "{\"p\":\"" + "x".repeat(10 * 1024 * 1024 + 512 * 1024) + "\"}",
                        413,
                        null),
                bad("no API key", "NOKEY", "/api/v1/imports", null, 401, null));
    }

    /** Bad only for what is stored (an id nothing has): the service decides, so only the whole gateway can tell. */
    static Stream<Arguments> refusedForWhatIsStored() {
        String randomId = UUID.randomUUID().toString();
        return Stream.of(
                bad("an unknown import", "GET", "/api/v1/imports/" + randomId, null, 404, null),
                bad("cancel of an unknown import", "POST", "/api/v1/imports/" + randomId + "/cancel", "", 404, null),
                bad(
                        "unknown precheck",
                        "POST",
                        "/api/v1/cloud-migrations",
                        precheck("pgm-a-abc123", SOURCE, ",\"precheckId\":\"" + randomId + "\""),
                        400,
                        "precheckId"),
                bad(
                        "switchover of an unknown migration",
                        "POST",
                        "/api/v1/cloud-migrations/" + randomId + "/switchover",
                        "",
                        404,
                        null),
                bad(
                        "an unknown precheck read",
                        "GET",
                        "/api/v1/cloud-migration-prechecks/" + randomId,
                        null,
                        404,
                        null));
    }

    private InvalidRequests() {}
}
