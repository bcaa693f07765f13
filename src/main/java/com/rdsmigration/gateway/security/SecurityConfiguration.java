package com.rdsmigration.gateway.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The API is stateless and keyed: {@code /api/**} needs a caller, operator endpoints need an administrator, and the
 * health probes, the API docs and the simulator (which checks its own signatures) are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    ApiKeyRegistry apiKeyRegistry(SecurityProperties properties) {
        return new ApiKeyRegistry(properties.apiKeys());
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiKeyRegistry registry,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(resolver);
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(registry, problems), AnonymousAuthenticationFilter.class)
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
                        // The simulator is not gateway API: its RPC endpoint checks Alibaba Cloud signatures itself.
                        .requestMatchers("/", "/rds-simulator/_control/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(CallerAuthentication.ADMIN_ROLE)
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
