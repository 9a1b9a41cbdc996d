package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.session.SessionAuthenticationFilter;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.error.ErrorWriter;
import com.rosettachat.user.UserService;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Security establishes who is calling; whether a route needs a caller is decided after
 * routing by {@link AuthenticationInterceptor}, so the security layer itself permits everything
 * and only renders its own failures in the contract's JSON.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, PersonalAccessTokens tokens, UserService users, AppProperties app)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Spring Security keeps nothing in the session; cookie sessions are ours (WebSessions), which
                // rotate the id at login. Spring's own fixation guard would rotate it on every request.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .cors(cors -> cors.configurationSource(corsConfiguration(app)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ErrorWriter.write(response, 401, "Unauthenticated."))
                        .accessDeniedHandler((request, response, ex) -> ErrorWriter.write(response, 403, "This action is unauthorized.")))
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SessionAuthenticationFilter(users), TokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new LongPasswordEncoder(new BCryptPasswordEncoder(properties.bcryptRounds()));
    }

    /**
     * Bearer clients may call from any origin, as the reference's {@code access-control-allow-origin: *}
     * shows. The configured frontend's origin may also send cookies (its SPA's session), and only it.
     */
    private static CorsConfigurationSource corsConfiguration(AppProperties app) {
        CorsConfiguration cors = cors(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        if (!app.hasFrontend()) {
            return source;
        }
        CorsConfiguration frontend = cors(List.of(origin(app.frontendUrl())));
        frontend.setAllowCredentials(true);
        return request -> frontend.getAllowedOrigins().contains(request.getHeader("Origin"))
                ? frontend : source.getCorsConfiguration(request);
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static CorsConfiguration cors(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                "Retry-After", "Content-Disposition"));
        cors.setMaxAge(3600L);
        return cors;
    }
}
