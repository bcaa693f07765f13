package com.rdsmigration.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's Grafana dashboard asks Prometheus only for series this gateway exports: every metric name in its queries
 * is in a scrape of {@code /actuator/prometheus} after a create, so no panel stays empty because of a renamed meter.
 */
@IntegrationTest
class GrafanaDashboardTests {

    static final Path DASHBOARD = HelmChart.DIRECTORY.resolve("dashboards/rds-migration-gateway.json");

    /** Series a fresh scrape lacks: the per-team rate limit's refusals (a team's series starts with its first 429). */
    static final Set<String> NOT_YET_IN_A_FRESH_SCRAPE = Set.of("gateway_api_requests_rate_limited_total");

    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool");

    @LocalServerPort
    int port;

    @Test
    void everyQueryOfTheDashboardNamesMetricsTheGatewayExports() throws IOException {
        GatewayApi team = new GatewayApi(port, GatewayApi.TEAM_A);
        assertThat(team.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);
        Set<String> exported = team.as(GatewayApi.ADMIN)
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());

        Set<String> queried = metricNames(JsonMapper.shared().readTree(Files.readString(DASHBOARD)));

        assertThat(queried).as("the dashboard's metrics").hasSizeGreaterThan(15);
        assertThat(queried)
                .filteredOn(metric -> !NOT_YET_IN_A_FRESH_SCRAPE.contains(metric))
                .allSatisfy(metric -> assertThat(exported).as("exported").contains(metric));
    }

    /** The metric names of every panel's queries: what is left of PromQL without labels, functions and ranges. */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr")
                        .asString()
                        .replaceAll("\\{[^}]*}", " ") // label matchers
                        .replaceAll("\\[[^]]*]", " ") // ranges
                        .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ") // grouping labels
                        .replaceAll("[a-zA-Z_]+\\s*\\(", "(") // functions and aggregations
                        .replaceAll("\"[^\"]*\"", " ")
                        .replaceAll("(?<![a-zA-Z0-9_:])\\d+(\\.\\d+)?([eE][-+]?\\d+)?", " "); // numbers
                Matcher identifier = IDENTIFIER.matcher(expression);
                while (identifier.find()) {
                    String word = identifier.group();
                    if (!PROMQL_WORDS.contains(word)) {
                        names.add(word);
                    }
                }
            }
        }
        return names;
    }
}
