package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdsErrorsTests {

    @ParameterizedTest(name = "{0} with HTTP {1} is transient: {2}")
    @CsvSource({
        "Throttling, 400, true",
        "Throttling.User, 400, true",
        "Throttling.Api, 503, true",
        "ServiceUnavailable, 503, true",
        "InternalError, 500, true",
        ", 502, true",
        ", 504, true",
        "IncorrectDBInstanceState, 500, false",
        "InvalidDBInstanceId.NotFound, 400, false",
        "MissingParameter, 400, false",
        "SignatureDoesNotMatch, 400, false",
        "OperationDenied.MigrateStage, 403, false",
        "InvalidAccessKeyId.NotFound, 404, false",
        "SomethingNew, 400, false",
        "SomethingNew, 503, true"
    })
    void classifiesByCodeBeforeStatus(String code, int status, boolean transientFailure) {
        assertThat(RdsErrors.isTransient(code, status)).isEqualTo(transientFailure);
    }

    @Test
    void throttlingIsTransientAndProvablyNotProcessed() {
        RdsException error = RdsErrors.fromAnswer(
                "CreateCloudMigrationTask",
                400,
                new ErrorBody("R-1", "rds.aliyuncs.com", "Throttling.User", "Request was denied.", null),
                List.of());

        assertThat(error).isInstanceOfSatisfying(TransientRdsException.class, t -> {
            assertThat(t.outcomeUnknown()).isFalse();
        });
        assertThat(error.code()).isEqualTo("Throttling.User");
        assertThat(error.requestId()).isEqualTo("R-1");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.action()).isEqualTo("CreateCloudMigrationTask");
    }

    @Test
    void aServiceUnavailableAnswerMayHaveBeenProcessed() {
        RdsException error = RdsErrors.fromAnswer(
                "ImportDatabaseBetweenInstances",
                503,
                new ErrorBody("R", null, "ServiceUnavailable", "x", null),
                List.of());

        assertThat(error)
                .isInstanceOfSatisfying(
                        TransientRdsException.class,
                        t -> assertThat(t.outcomeUnknown()).isTrue());
    }

    @Test
    void anUnparseableErrorBodyIsClassifiedByStatus() {
        assertThat(RdsErrors.fromAnswer("CancelImport", 502, null, List.of()))
                .isInstanceOf(TransientRdsException.class)
                .hasMessageContaining("HTTP 502");
        assertThat(RdsErrors.fromAnswer("CancelImport", 404, null, List.of()))
                .isInstanceOf(NonTransientRdsException.class);
    }

    @Test
    void neverCopiesTheStringToSignOrASecret() {
        String upstream = "Specified signature is not matched with our calculation. server string to sign is:"
                + "POST&%2F&AccessKeyId%3Dak%26SourcePassword%3Dhunter22";
        RdsException error = RdsErrors.fromAnswer(
                "CreateCloudMigrationTask",
                400,
                new ErrorBody("R", null, "SignatureDoesNotMatch", upstream, null),
                List.of("hunter22"));

        assertThat(error.upstreamMessage())
                .startsWith("The request's signature was not accepted")
                .doesNotContain("Specified signature");
        assertThat(error.getMessage()).doesNotContain("string to sign").doesNotContain("hunter22");
        assertThat(error.toProblem().getMessage())
                .doesNotContain("string to sign")
                .doesNotContain("hunter22");

        String echoed = RdsErrors.sanitize("value hunter22 of SourcePassword is not valid", 400, List.of("hunter22"));
        assertThat(echoed).isEqualTo("value ****** of SourcePassword is not valid");
    }

    @Test
    void keepsNoSignatureRefusalMessageWhateverItsWording() {
        for (String code : List.of("SignatureDoesNotMatch", "IncompleteSignature", "SignatureNonceUsed")) {
            RdsException error = RdsErrors.fromAnswer(
                    "CreateCloudMigrationTask",
                    400,
                    new ErrorBody("R", null, code, "StringToSign: POST&%2F&SourcePassword%3Dp%2540ss", null),
                    List.of("p@ss"));
            assertThat(error.upstreamMessage()).doesNotContain("StringToSign").doesNotContain("p%2540ss");
        }
    }

    @Test
    void masksASecretEchoedPercentEncodedOrUnderItsName() {
        String echoed = RdsErrors.sanitize(
                "SourcePassword=p%40ss%2Bw0rd or p%2540ss%252Bw0rd, Server String To Sign is: GET&%2F",
                400, List.of("p@ss+w0rd"));
        assertThat(echoed).isEqualTo("SourcePassword=****** or ******,");

        String named = RdsErrors.sanitize("the parameter SourcePassword=other-value is not valid", 400, List.of());
        assertThat(named).isEqualTo("the parameter SourcePassword=****** is not valid");
    }

    @Test
    void aRefusedConnectionWasNeverSentButATimeoutLeavesTheOutcomeUnknown() {
        TransientRdsException refused = RdsErrors.fromIo("CancelImport", new ConnectException("Connection refused"));
        assertThat(refused.outcomeUnknown()).isFalse();
        assertThat(refused.httpStatus()).isZero();

        assertThat(RdsErrors.fromIo("CancelImport", new ConnectTimeoutException("connect timed out"))
                        .outcomeUnknown())
                .isFalse();

        for (IOException unknown :
                List.of(new HttpTimeoutException("request timed out"), new SocketException("Connection reset"))) {
            TransientRdsException error = RdsErrors.fromIo("CreateCloudMigrationTask", unknown);
            assertThat(error.outcomeUnknown()).isTrue();
        }
    }
}
