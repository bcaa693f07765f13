package com.rdsmigration.gateway.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The API is stateless: {@code /api/**} needs a caller with a team, operator endpoints need an administrator, and the
 * health probes, the API docs and the simulator (which checks its own signatures) are open; with profile {@code prod}
 * the simulator's control API needs an administrator too. Callers present an API
 * key and, when Spring Boot's resource server has a JWT decoder ({@code issuer-uri} or {@code jwk-set-uri} set), a
 * bearer JWT; both become the same {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The simulator's RPC endpoint is not gateway API: it checks Alibaba Cloud signatures and tokens itself. */
    private static final RequestMatcher SIMULATOR_RPC = pathPattern("/");

    /**
     * The simulator's control API (faults, reset, instances, calls). Open in the embedded default, where tests and
     * demos drive it; beside {@code prod} (docker-compose runs one) anyone reaching the port could inject faults or
     * reset it, so there it is operator API and needs an administrator, as the actuator endpoints do.
     */
    private static final RequestMatcher SIMULATOR_CONTROL = pathPattern("/rds-simulator/_control/**");

    @Bean
    ApiKeyRegistry apiKeyRegistry(SecurityProperties properties) {
        return new ApiKeyRegistry(properties.apiKeys());
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiKeyRegistry registry,
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            Environment environment)
            throws Exception {
        // The endpoints that take no gateway credentials (no API key, no JWT): outside prod, the whole simulator.
        RequestMatcher notGatewayApi = environment.acceptsProfiles(Profiles.of("prod"))
                ? SIMULATOR_RPC
                : new OrRequestMatcher(SIMULATOR_RPC, SIMULATOR_CONTROL);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(resolver, decoder != null);
        if (decoder != null) {
            acceptJwts(http, decoder, properties, problems, notGatewayApi);
        }
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(registry, problems, notGatewayApi),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        .requestMatchers(notGatewayApi)
                        .permitAll()
                        // Reached only in prod: elsewhere notGatewayApi above has let it through.
                        .requestMatchers(SIMULATOR_CONTROL)
                        .hasRole(CallerAuthentication.ADMIN_ROLE)
                        .requestMatchers("/actuator/**")
                        .hasRole(CallerAuthentication.ADMIN_ROLE)
                        // A token without a team is authenticated but has no role: 403, not 401.
                        .anyRequest()
                        .hasRole(CallerAuthentication.TEAM_ROLE))
                .build();
    }

    private static void acceptJwts(
            HttpSecurity http,
            JwtDecoder decoder,
            SecurityProperties properties,
            ProblemSecurityHandlers problems,
            RequestMatcher notGatewayApi)
            throws Exception {
        log.info(
                "JWT callers are on: the team comes from claim '{}'; administrators have scope '{}'{}.",
                properties.teamClaim(),
                properties.adminScope(),
                adminClaim(properties));
        http.oauth2ResourceServer(server -> server.bearerTokenResolver(
                        new SimulatorAwareBearerTokenResolver(notGatewayApi))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallerConverter(properties))));
    }

    private static String adminClaim(SecurityProperties properties) {
        @Nullable String claim = properties.adminClaim();
        return claim == null || claim.isBlank()
                ? ""
                : " or claim '" + claim + "' holding '" + properties.adminValue() + "'";
    }
}
