package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query strings and form bodies decode as browsers and SDKs encode them; the first of repeated names wins. */
class SimulatorRequestParsingTests {

    @Test
    void decodesPlusPercentAndEmptyValues() {
        assertThat(FormEncoding.decode("a=1+2&b=%E4%B8%AD%2B&flag&c=&&d=x%3Dy"))
                .containsExactly(
                        Map.entry("a", "1 2"),
                        Map.entry("b", "中+"),
                        Map.entry("flag", ""),
                        Map.entry("c", ""),
                        Map.entry("d", "x=y"));
    }

    @Test
    void keepsTheFirstOfRepeatedNames() {
        assertThat(FormEncoding.decode("a=1&a=2")).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void decodesNothingFromNoText() {
        assertThat(FormEncoding.decode((String) null)).isEmpty();
        assertThat(FormEncoding.decode(new byte[0])).isEmpty();
    }

    @Test
    void refusesBrokenPercentEncoding() {
        assertThatThrownBy(() -> FormEncoding.decode("a=%G1"))
                .isInstanceOfSatisfying(
                        RdsError.class, e -> assertThat(e.code()).isEqualTo("InvalidParameter"));
    }

    @Test
    void namesABadlyEncodedParameterWithoutEchoingItsValue() {
        assertThatThrownBy(() -> FormEncoding.decode("Action=X&SourcePassword=hunter%G2"))
                .isInstanceOf(RdsError.class)
                .hasMessageContaining("\"SourcePassword\"")
                .hasMessageNotContaining("hunter");
        assertThatThrownBy(() -> FormEncoding.decode("hunter%G2=x"))
                .isInstanceOf(RdsError.class)
                .hasMessageNotContaining("hunter");
    }

    @Test
    void mergesQueryAndFormParametersWithTheQueryWinning() {
        RpcHttpRequest request = new RpcHttpRequest(
                "POST", Map.of(), Map.of("A", "query", "B", "b"), Map.of("A", "form", "C", "c"), new byte[0]);

        assertThat(request.parameters())
                .containsEntry("A", "query")
                .containsEntry("B", "b")
                .containsEntry("C", "c");
        assertThat(request.parameter("C")).isEqualTo("c");
        assertThat(request.parameter("D")).isNull();
    }

    @Test
    void recognisesFormContentTypes() {
        assertThat(RpcHttpRequest.isForm("application/x-www-form-urlencoded; charset=UTF-8"))
                .isTrue();
        assertThat(RpcHttpRequest.isForm("Application/X-WWW-Form-Urlencoded")).isTrue();
        assertThat(RpcHttpRequest.isForm("application/json")).isFalse();
        assertThat(RpcHttpRequest.isForm(null)).isFalse();
    }

    @Test
    void spotsAnActionParameterInARawQuery() {
        assertThat(RpcEndpointFilter.hasActionParameter("Action=X")).isTrue();
        assertThat(RpcEndpointFilter.hasActionParameter("a=1&Action=X")).isTrue();
        assertThat(RpcEndpointFilter.hasActionParameter("SubAction=X")).isFalse();
        assertThat(RpcEndpointFilter.hasActionParameter(null)).isFalse();
    }
}
