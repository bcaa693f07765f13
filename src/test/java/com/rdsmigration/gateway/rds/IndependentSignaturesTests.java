package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-only signature functions against the documented worked examples of both signatures. */
class IndependentSignaturesTests {

    @Test
    void v1MatchesTheDocumentedDescribeRegionsExample() {
        Map<String, String> parameters = Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26");

        assertThat(IndependentSignatures.v1("GET", parameters, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void v3MatchesTheDocumentedRunInstancesExample() {
        String empty = IndependentSignatures.sha256Hex(new byte[0]);
        Map<String, String> headers = Map.of(
                "host", "ecs.cn-shanghai.aliyuncs.com",
                "x-acs-action", "RunInstances",
                "x-acs-content-sha256", empty,
                "x-acs-date", "2023-10-26T10:22:32Z",
                "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d",
                "x-acs-version", "2014-05-26");

        String signature = IndependentSignatures.v3(
                "POST",
                Map.of("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId", "cn-shanghai"),
                headers,
                "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
                new byte[0],
                "YourAccessKeySecret");

        assertThat(signature).isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }
}
