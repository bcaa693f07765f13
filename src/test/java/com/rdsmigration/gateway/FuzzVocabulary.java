package com.rdsmigration.gateway;

import java.util.List;

/** What {@link FuzzRequests} builds its requests from: the API's endpoints, and the junk it puts in them. */
final class FuzzVocabulary {

    static final List<String> ENDPOINTS = List.of(
            "POST /api/v1/imports",
            "GET /api/v1/imports",
            "GET /api/v1/imports/{id}",
            "POST /api/v1/imports/{id}/cancel",
            "POST /api/v1/cloud-migration-prechecks",
            "GET /api/v1/cloud-migration-prechecks",
            "GET /api/v1/cloud-migration-prechecks/{id}",
            "POST /api/v1/cloud-migrations",
            "GET /api/v1/cloud-migrations",
            "GET /api/v1/cloud-migrations/{id}",
            "POST /api/v1/cloud-migrations/{id}/switchover",
            "POST /api/v1/webhooks",
            "GET /api/v1/webhooks",
            "GET /api/v1/webhooks/{id}",
            "DELETE /api/v1/webhooks/{id}",
            "GET /api/v1/audit-events",
            "GET /api/v1/quota");

    static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO");
    static final List<String> KEYS = List.of("demo-team-a-key", "demo-team-b-key", "demo-admin-key");
    static final List<String> PARAMETERS = List.of(
            "page", "size", "from", "to", "action", "outcome", "team", "resourceId", "pageToken", "instance", "status");
    static final List<String> JUNK = List.of(
            "",
            " ",
            "0",
            "-1",
            "2147483648",
            "9223372036854775808",
            "99999999999999999999999999999999",
            "1e400",
            "-0",
            "NaN",
            "Infinity",
            "null",
            "true",
            "[]",
            "{}",
            "'; drop table import_task; --",
            "../../etc/passwd",
            "%00",
            "%zz",
            "\u0000",
            "é中文🙂",
            "\u202egnp.exe",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "a".repeat(300),
            "a".repeat(5000),
            "rm-",
            "pgm-" + "x".repeat(100),
            "\t\n",
            "2026-13-45T25:61:61Z",
            "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "SUCCEEDED",
            "ImportDatabaseBetweenInstances");
    static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json; charset=ISO-8859-1",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "garbage",
            "application/problem+json",
            "");
    static final List<String> ACCEPTS =
            List.of("*/*", "application/json", "application/xml", "text/html", "image/png", "garbage;;;q=x");

    private FuzzVocabulary() {}
}
