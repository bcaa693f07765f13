package com.rdsmigration.gateway.deployment;

import static com.rdsmigration.gateway.deployment.HelmChart.FULL_VALUES;
import static com.rdsmigration.gateway.deployment.HelmChart.applicationYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.deployment.HelmChart.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code helm install} prints after installing (NOTES.txt, from a client-only dry run): the settings profile
 * {@code prod} still lacks, named after the values that give them.
 */
class HelmChartNotesTests {

    @TempDir
    Path temp;

    @Test
    void installNotesNameTheTeamsBlockAnApiKeyLacks() throws IOException {
        String key = "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70";
        Path values = HelmChart.write(
                temp,
                "apiKeys: [{team: payments, keySha256: " + key + "}, {team: ops, keySha256: " + key
                        + ", admin: true}]\nteams: {billing: {instances: [rm-bill-*]}}");

        assertThat(HelmChart.notes(values)).contains("teams.payments").doesNotContain("teams.ops");
    }

    @Test
    void installNotesNameTheProdSettingsTheValuesLeaveOut() {
        assertThat(HelmChart.notes())
                .contains("kubectl -n payments rollout status deployment/gw-rds-migration-gateway")
                .contains("WARNING: profile prod will refuse to start")
                .contains("database.url")
                .contains("secrets.idempotencyFingerprintSecret")
                .contains("secrets.guidedSourcePasswordKey")
                .contains("secrets.webhooksSigningSecret")
                .contains("Alibaba Cloud credentials");
        assertThat(HelmChart.notes(FULL_VALUES))
                .doesNotContain("WARNING")
                .contains("RRSA: the pods assume RAM role rds-migration-gateway");
    }

    @Test
    void installNotesNameTheJwtIssuerAndAudienceProdNeedsWithJwtsOn() {
        String keys = "apiKeys: [{team: ops, admin: true, keySha256: "
                + "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70}]\n";
        String jwt = "config: {spring: {security: {oauth2: {resourceserver: {jwt: ";

        assertThat(HelmChart.notes(
                        HelmChart.write(temp, keys + jwt + "{jwk-set-uri: https://sso.example.com/jwks}}}}}}")))
                .contains("config.spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .contains("config.spring.security.oauth2.resourceserver.jwt.audiences");
        assertThat(HelmChart.notes(HelmChart.write(temp, keys + jwt + "{issuer-uri: https://sso.example.com/x}}}}}}")))
                .contains("config.spring.security.oauth2.resourceserver.jwt.audiences")
                .doesNotContain("jwt.issuer-uri");
        assertThat(HelmChart.notes(HelmChart.write(temp, keys))).doesNotContain("jwt.audiences");
        assertThat(new Node(applicationYaml(HelmChart.render(FULL_VALUES)))
                        .get("spring.security.oauth2.resourceserver.jwt.audiences"))
                .as("the chart's full example sets the audience")
                .isEqualTo(List.of("rds-migration-gateway"));
    }
}
