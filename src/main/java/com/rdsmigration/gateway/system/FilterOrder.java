package com.rdsmigration.gateway.system;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;

/**
 * The order of the gateway's servlet filters, in one list: a request meets them from top to bottom. Each module
 * registers its own filter and takes its place from here, so that the chain can be read in one file.
 */
public final class FilterOrder {

    /** {@code X-Request-Id} first: every log line, audit row and answer of the request, refusals included, has it. */
    public static final int CORRELATION_ID = Ordered.HIGHEST_PRECEDENCE;

    /** The security headers, on every answer that any later filter gives. */
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 5;

    /** API requests nothing should parse (an encoded slash, a bad character), refused before anything reads them. */
    public static final int REQUEST_SANITY = Ordered.HIGHEST_PRECEDENCE + 7;

    /**
     * The embedded simulator's RPC endpoint on {@code /}: it checks signatures on the raw query and body, so it comes
     * before anything that would read them, and it has a body limit of its own.
     */
    public static final int SIMULATOR = Ordered.HIGHEST_PRECEDENCE + 8;

    /** The body size limit, after the headers are set, so that a 413 carries the id and the headers. */
    public static final int REQUEST_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Spring Security's filter chain: who the caller is (API key or JWT). Boot's own default place. */
    public static final int SECURITY = SecurityFilterProperties.DEFAULT_FILTER_ORDER;

    /** Each team's request rate, once the caller is known, before anything of the request is done. */
    public static final int RATE_LIMIT = SECURITY + 5;

    /** Idempotency keys, behind the rate limit: a request refused there claims no key. */
    public static final int IDEMPOTENCY = SECURITY + 10;

    private FilterOrder() {}
}
