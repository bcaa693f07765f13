package com.rdsmigration.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The masks of every shape the gateway's, the framework's and the HTTP client's logs give a secret. */
class SecretMaskingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # the line as logged                                              | as it must read
            http-outgoing-0 >> POST /?Action=A&SourcePassword=p%40ss%2B1&DBInstanceName=pgm-1 HTTP/1.1 | http-outgoing-0 >> POST /?Action=A&SourcePassword=******&DBInstanceName=pgm-1 HTTP/1.1
            http-outgoing-0 >> "POST /?SourcePassword=p%40ss HTTP/1.1[\\r][\\n]"  | http-outgoing-0 >> "POST /?SourcePassword=****** HTTP/1.1[\\r][\\n]"
            POST&%2F&AccessKeyId%3Dak%26SourcePassword%3Dp%2540ss%26Timestamp%3D1 | POST&%2F&AccessKeyId%3Dak%26SourcePassword%3D******%26Timestamp%3D1
            {"host":"h","password":"pa\\"ss,}","port":5432}                    | {"host":"h","password":"******","port":5432}
            {"SourcePassword" : "x y", "DBInstanceName":"pgm-1"}              | {"SourcePassword" : "******", "DBInstanceName":"pgm-1"}
            {"password":123456,"category":"internet"}                          | {"password":******,"category":"internet"}
            {\\"password\\":\\"secret\\",\\"host\\":\\"h\\"}                   | {\\"password\\":\\"******\\",\\"host\\":\\"h\\"}
            http-outgoing-0 >> Authorization: Bearer tok.en-1                  | http-outgoing-0 >> Authorization: Bearer ******
            http-outgoing-0 >> "authorization: bearer tok[\\r][\\n]"           | http-outgoing-0 >> "authorization: bearer ******[\\r][\\n]"
            http-outgoing-0 >> x-acs-bearer-token: tok                         | http-outgoing-0 >> x-acs-bearer-token: ******
            http-outgoing-0 >> x-acs-security-token: CAIS/abc+def==            | http-outgoing-0 >> x-acs-security-token: ******
            X-API-Key: demo-team-a-key                                         | X-API-Key: ******
            [Accept:"*/*", X-API-Key:"demo-team-a-key", Host:"h"]              | [Accept:"*/*", X-API-Key:"******", Host:"h"]
            {accept=[*/*], x-api-key=[demo-team-a-key]}                        | {accept=[*/*], x-api-key=[******]}
            x-api-key = demo-team-a-key                                        | x-api-key = ******
            ?SecurityToken=CAIS%2Fabc%3D&Signature=s                           | ?SecurityToken=******&Signature=s
            AccessKeySecret=abc; accessKeySecret: def                          | AccessKeySecret=******; accessKeySecret: ******
            on field 'source.password': rejected value [p]ss]; codes [Size.x]  | on field 'source.password': rejected value [******]; codes [Size.x]
            Unrecognized token 'hunter22': was expecting (JSON String)         | Unrecognized token '******': was expecting (JSON String)
            """)
    void masksASecretByWhereItStands(String logged, String masked) {
        assertThat(SecretMasking.mask(logged)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization: ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host;x-acs-date,Signature=ab12",
                "on field 'taskName': rejected value [bad name!]; codes [Pattern]",
                "rds.auth.type is bearer and no token is configured.",
                "GET /api/v1/audit-events?pageToken=abc&size=20",
                "Started RdsMigrationGatewayApplication in 3.2 seconds (process running for 4.1)",
                "The password is write-only: it is never stored."
            })
    void leavesWhatHoldsNoSecretAlone(String line) {
        assertThat(SecretMasking.mask(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain Masking-Probe/Value+1 here",
                "query a=Masking-Probe%2FValue%2B1&b",
                "form a=Masking-Probe%2FValue%2B1",
                "twice Masking-Probe%252FValue%252B1 in a string to sign"
            })
    void masksARegisteredValueWhereverItStandsAndHoweverItIsEncoded(String line) {
        SecretMasking.register("Masking-Probe/Value+1");

        assertThat(SecretMasking.mask(line)).contains("******").doesNotContain("Masking-Probe");
    }

    @Test
    void registersTheConfiguredSecretsBeforeLoggingStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("rds.auth.bearer-token", "${rds.simulator.bearer-token}")
                .withProperty("rds.simulator.bearer-token", "Registration-Probe-Token")
                .withProperty("ALIBABA_CLOUD_SECURITY_TOKEN", "Registration-Probe-Sts")
                .withProperty("rds.auth.access-key-secret", "${no.such.setting}");

        new SecretValuesRegistration().postProcessEnvironment(environment, new SpringApplication());

        assertThat(SecretMasking.mask("a Registration-Probe-Token and a Registration-Probe-Sts"))
                .isEqualTo("a ****** and a ******");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "  ", ""})
    void ignoresValuesTooShortToMaskByValue(String value) {
        SecretMasking.register(value);

        assertThat(SecretMasking.mask("a short line")).isEqualTo("a short line");
    }
}
