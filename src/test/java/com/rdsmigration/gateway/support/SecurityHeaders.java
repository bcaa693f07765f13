package com.rdsmigration.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** The security headers every answer of the gateway carries, each once. */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    /** The headers of any answer: never sniffed, never framed, no referrer. */
    public static void assertOnEveryAnswer(HttpResponse<?> response) {
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
    }

    /** The headers of an answer that is data (the API, its problems, the docs' JSON): also never cached, no content. */
    public static void assertOnApiAnswer(HttpResponse<?> response) {
        assertOnEveryAnswer(response);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
    }
}
