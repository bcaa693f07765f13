package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests of every kind get a clear problem (400/401/404/409/413/415/422) that names the offending field, never a
 * 500, and never leave a row behind or reach the upstream.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidRequestTests {

    static final String KEY = "demo-team-a-key";
    static final String SOURCE =
            "{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\",\"password\":\"pw\",\"category\":\"ecsOnVpc\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long rowsBefore;
    long upstreamCallsBefore;

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

    static Stream<Arguments> invalidRequests() {
        String randomId = UUID.randomUUID().toString();
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
                bad("an unknown import", "GET", "/api/v1/imports/" + randomId, null, 404, null),
                bad("cancel of an unknown import", "POST", "/api/v1/imports/" + randomId + "/cancel", "", 404, null),
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
                        "unknown precheck",
                        "POST",
                        "/api/v1/cloud-migrations",
                        precheck("pgm-a-abc123", SOURCE, ",\"precheckId\":\"" + randomId + "\""),
                        400,
                        "precheckId"),
                bad(
                        "precheck id not a UUID",
                        "POST",
                        "/api/v1/cloud-migrations",
                        precheck("pgm-a-abc123", SOURCE, ",\"precheckId\":\"xyz\""),
                        400,
                        "precheckId"),
                bad(
                        "switchover of an unknown migration",
                        "POST",
                        "/api/v1/cloud-migrations/" + randomId + "/switchover",
                        "",
                        404,
                        null),
                bad("migration page size 500", "GET", "/api/v1/cloud-migrations?size=500", null, 400, "size"),
                bad(
                        "an unknown precheck read",
                        "GET",
                        "/api/v1/cloud-migration-prechecks/" + randomId,
                        null,
                        404,
                        null),
                bad(
                        "a 10.5 MB body",
                        "POST",
                        "/api/v1/imports",
                        "{\"p\":\"" + "x".repeat(10 * 1024 * 1024 + 512 * 1024) + "\"}",
                        413,
                        null),
                bad("no API key", "NOKEY", "/api/v1/imports", null, 401, null));
    }

    @BeforeAll
    void countRowsAndCalls() {
        rowsBefore = rows();
        upstreamCallsBefore = upstreamCalls();
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("invalidRequests")
    void answersWithAProblemNamingTheField(
            String name, String method, String path, String body, int status, String field) {
        HttpTestClient http = new HttpTestClient(port);
        HttpRequest.Builder request = http.request(path);
        if (!"NOKEY".equals(method)) {
            request.header("X-API-Key", KEY);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }

        HttpResponse<String> response = http.send(request.build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.path("type").asString()).startsWith("urn:rds-migration-gateway:problem:");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as(response.body())
                    .contains(field);
        }
    }

    @AfterAll
    void leftNoRowAndMadeNoUpstreamCall() {
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(upstreamCalls()).isEqualTo(upstreamCallsBefore);
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from import_task) + (select count(*) from cloud_migration_task)")
                .query(Long.class)
                .single();
    }

    private long upstreamCalls() {
        return new GatewayApi(port, null).upstreamCalls();
    }
}
