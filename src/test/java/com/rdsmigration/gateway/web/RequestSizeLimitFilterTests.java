package com.rdsmigration.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.problem.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;

class RequestSizeLimitFilterTests {

    @Test
    void failsOnceAStreamedBodyPassesTheLimit() throws Exception {
        var stream = new RequestSizeLimitFilter.LimitedInputStream(
                new DelegatingServletInputStream(new ByteArrayInputStream(new byte[11])), 10);

        assertThat(stream.read(new byte[10], 0, 10)).isEqualTo(10);
        assertThatThrownBy(stream::read).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws Exception {
        var stream = new RequestSizeLimitFilter.LimitedInputStream(
                new DelegatingServletInputStream(new ByteArrayInputStream(new byte[10])), 10);

        assertThat(stream.readAllBytes()).hasSize(10);
    }
}
