package com.rdsmigration.gateway.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * health probes, the API docs and the simulator (which checks its own signatures) are open. Callers present an API
 * key and, when Spring Boot's resource server has a JWT decoder ({@code issuer-uri} or {@code jwk-set-uri} set), a
 * bearer JWT; both become the same {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The simulator is not gateway API: its RPC endpoint checks Alibaba Cloud signatures and tokens itself. */
    private static final RequestMatcher SIMULATOR =
            new OrRequestMatcher(pathPattern("/"), pathPattern("/rds-simulator/_control/**"));

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
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(resolver, decoder != null);
        if (decoder != null) {
            acceptJwts(http, decoder, properties, problems);
        }
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(registry, problems, SIMULATOR),
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
                        .requestMatchers(SIMULATOR)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(CallerAuthentication.ADMIN_ROLE)
                        // A token without a team is authenticated but has no role: 403, not 401.
                        .anyRequest()
                        .hasRole(CallerAuthentication.TEAM_ROLE))
                .build();
    }

    private static void acceptJwts(
            HttpSecurity http, JwtDecoder decoder, SecurityProperties properties, ProblemSecurityHandlers problems)
            throws Exception {
        log.info(
                "JWT callers are on: the team comes from claim '{}'; administrators have scope '{}'{}.",
                properties.teamClaim(),
                properties.adminScope(),
                adminClaim(properties));
        http.oauth2ResourceServer(server -> server.bearerTokenResolver(new SimulatorAwareBearerTokenResolver(SIMULATOR))
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
