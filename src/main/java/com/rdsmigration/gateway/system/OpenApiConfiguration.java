package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description behind Swagger UI: what the API is, its version and how callers authenticate (an API key or
 * a bearer JWT, so that "Authorize" offers both).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";
    static final String BEARER_SCHEME = "bearerAuth";

    private static final String DESCRIPTION = """
            Move databases onto and between Alibaba Cloud ApsaraDB RDS instances without hand-crafting signed RPC \
            calls. Each call maps to one RDS OpenAPI action (version 2014-08-15); every task, upstream id and \
            RequestId is recorded for audit and quota tracking. Errors are RFC 9457 problems \
            (`application/problem+json`); send `X-Request-Id` to correlate your calls with the audit trail.
            """;

    @Bean
    OpenAPI gatewayOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "dev";
        return new OpenAPI()
                .info(new Info()
                        .title("RDS Migration Gateway API")
                        .version(version)
                        .description(DESCRIPTION))
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
                                        .description("A JWT from your single sign-on whose team claim names your"
                                                + " team; accepted when the gateway is configured with a JWT"
                                                + " issuer.")))
                // Either scheme will do: two requirements, not one with both.
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
