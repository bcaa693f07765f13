package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Requests to the simulator are held to the gateway's body limit ({@code gateway.web.max-request-size}, 10 MB) and
 * its parameters to theirs: the RPC endpoint answers 413 in the RDS error shape, the control API a 413 problem.
 */
@IntegrationTest
class SimulatorRequestLimitTests {

    static final int LIMIT = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Test
    void answersAChunkedRpcBodyOverTheLimitWith413InTheRdsErrorShape() {
        byte[] body = ("Action=DescribeDBInstanceAttribute&Padding=" + "x".repeat(LIMIT + 512 * 1024)).getBytes();
        HttpTestClient http = new HttpTestClient(port);

        HttpResponse<String> response = http.send(http.request("/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(HttpTestClient.json(response).path("Code").asString()).isEqualTo("RequestEntityTooLarge");
        assertThat(HttpTestClient.json(response).path("RequestId").asString()).isNotBlank();
    }

    @Test
    void answersADeclaredRpcBodyOverTheLimitWith413() {
        byte[] body = ("Action=DescribeDBInstanceAttribute&Padding=" + "x".repeat(LIMIT)).getBytes();
        HttpTestClient http = new HttpTestClient(port);

        HttpResponse<String> response = http.send(http.request("/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(HttpTestClient.json(response).path("Code").asString()).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void stopsReadingAnEndlessRpcBodyOneBytePastTheLimit() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(endless);
            }
        };
        request.setContentType("application/x-www-form-urlencoded");

        assertThatThrownBy(() -> RpcHttpRequest.read(request, 1024))
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.httpStatus()).isEqualTo(413));
        assertThat(served.get()).isEqualTo(1025);
    }

    @Test
    void refusesADbInfoBeyondItsBoundAsAnInvalidParameter() {
        SimulatorClient client = new SimulatorClient(port, clock);
        String dbInfo = "{\"DBNames\":[\"" + "d".repeat(70_000) + "\"]}";

        HttpResponse<String> response = client.v3Form(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                Map.of("DBInstanceId", "rm-dst-limit", "SourceDBInstanceId", "rm-src-limit", "DBInfo", dbInfo));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpTestClient.json(response).path("Code").asString()).isEqualTo("InvalidParameter");
        assertThat(HttpTestClient.json(response).path("Message").asString()).contains("\"DBInfo\"");
    }

    @Test
    void answersAControlApiBodyOverTheLimitWith413Problem() {
        byte[] body = ("{\"actions\":[\"" + "x".repeat(LIMIT + 512 * 1024) + "\"]}").getBytes();
        HttpTestClient http = new HttpTestClient(port);

        HttpResponse<String> response = http.send(http.request("/rds-simulator/_control/faults")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesAnInstanceOverrideWithAnOverlongStatus() {
        HttpTestClient http = new HttpTestClient(port);

        HttpResponse<String> response = http.send(http.request("/rds-simulator/_control/instances/pgm-overlong")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + "S".repeat(1000) + "\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
