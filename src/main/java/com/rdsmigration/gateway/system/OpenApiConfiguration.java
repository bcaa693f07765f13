package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description behind Swagger UI: what the API is, who runs it, where it is served, how callers
 * authenticate (an API key or a bearer JWT, so that "Authorize" offers both) and the headers every answer may carry.
 * Teams generate clients from it, so it states only what the gateway does; the build lints it (ApiDocumentLintTests).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";
    static final String BEARER_SCHEME = "bearerAuth";

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String REQUEST_ID = CorrelationId.HEADER;
    static final String LOCATION = "Location";

    private static final String DESCRIPTION = """
            Move databases onto and between Alibaba Cloud ApsaraDB RDS instances without hand-crafting signed RPC \
            calls. Each call maps to one RDS OpenAPI action (version 2014-08-15); every task, upstream id and \
            RequestId is recorded for audit and quota tracking. Errors are RFC 9457 problems \
            (`application/problem+json`); send `X-Request-Id` to correlate your calls with the audit trail. Every \
            answer to a known caller carries its request budget (`RateLimit-Limit`, `RateLimit-Remaining`, \
            `RateLimit-Reset`); a refusal for a limit or an unavailable upstream says when to retry (`Retry-After`).
            """;

    private static final String BEARER_DESCRIPTION = "A JWT (RFC 7519) from your identity provider, accepted when the"
            + " gateway is configured with its issuer; the claim `gateway.security.team-claim` (default `team`) names"
            + " your team. Validated following the JSON Web Token Best Current Practices (RFC8725): the signature is"
            + " verified with the issuer's published keys and the configured algorithms only (never `none`), and the"
            + " issuer (`iss`), audience (`aud`), expiry (`exp`) and not-before (`nbf`) claims are checked; profile"
            + " `prod` refuses to start without an issuer and an audience.";

    @Bean
    OpenAPI gatewayOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "dev";
        return new OpenAPI()
                .info(new Info()
                        .title("RDS Migration Gateway API")
                        .version(version)
                        .description(DESCRIPTION)
                        // The project publishes no address of its own; the chart names its maintainers the same way.
                        .contact(new Contact().name("rds-migration-gateway maintainers"))
                        // No open-source licence: the gateway is an internal platform service.
                        .license(new License()
                                .name("Proprietary, for internal use only")
                                .identifier("LicenseRef-Proprietary")))
                .servers(List.of(server()))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("The API key of your team."))
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(BEARER_DESCRIPTION))
                        .addHeaders(
                                RATE_LIMIT_LIMIT,
                                header(
                                        "How many requests your team may send to this replica at once: the size of"
                                                + " its token bucket, which refills at the team's rate per second"
                                                + " (`gateway.teams.<team>.rate-limit`). Absent when your team's rate"
                                                + " is not limited.",
                                        nonNegative(),
                                        100))
                        .addHeaders(
                                RATE_LIMIT_REMAINING,
                                header(
                                        "How many more requests your team may send right now. Absent when your"
                                                + " team's rate is not limited.",
                                        nonNegative(),
                                        99))
                        .addHeaders(
                                RATE_LIMIT_RESET,
                                header(
                                        "Seconds until your team's bucket is full again. Absent when your team's"
                                                + " rate is not limited.",
                                        new IntegerSchema()
                                                .format("int64")
                                                .minimum(BigDecimal.ZERO)
                                                .maximum(BigDecimal.valueOf(Long.MAX_VALUE)),
                                        1))
                        .addHeaders(
                                RETRY_AFTER,
                                header(
                                        "Seconds to wait before trying again: with every 429 and 503, and with a 409"
                                                + " while a request with the same Idempotency-Key is in progress.",
                                        new IntegerSchema()
                                                .minimum(BigDecimal.ONE)
                                                .maximum(MAX_INT),
                                        5))
                        .addHeaders(
                                LOCATION,
                                header(
                                        "The path of the resource the call created.",
                                        new StringSchema()
                                                .format("uri-reference")
                                                .maxLength(128)
                                                .pattern("^/api/v1/[a-z-]+/[0-9a-f-]{36}$"),
                                        "/api/v1/imports/0f8fad5b-d9cb-469f-a165-70867728950e"))
                        .addHeaders(
                                REQUEST_ID,
                                header(
                                        "The caller's `X-Request-Id` when it was well formed, else one the gateway"
                                                + " made; the audit events of the call carry it as `correlationId`.",
                                        new StringSchema()
                                                .minLength(1)
                                                .maxLength(CorrelationId.MAX_LENGTH)
                                                .pattern(CorrelationId.PATTERN),
                                        "b7f2c1d0-4e3a-4f0e-9a51-0c2d7e8f9a10")))
                // Either scheme will do: two requirements, not one with both.
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    /** Relative, so that it is right wherever the gateway runs, behind whatever ingress terminates TLS. */
    private static Server server() {
        Server server = new Server()
                .url("/")
                .description("The gateway serving this document, in whichever environment it runs (local, staging or"
                        + " production); paths are relative to it.");
        // For the teams of the organisation, not the public.
        server.addExtension("x-internal", true);
        return server;
    }

    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private static Schema<?> nonNegative() {
        return new IntegerSchema().minimum(BigDecimal.ZERO).maximum(MAX_INT);
    }

    private static Header header(String description, Schema<?> schema, Object example) {
        return new Header().description(description).schema(schema).example(example);
    }
}
