package dev.rclonebackup.sample;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator behind HTTP Basic: anyone may ask whether the application is healthy (the status only,
 * see {@code management.endpoint.health.show-details}); the {@code backups} endpoint, whose write
 * operation makes a backup, and every other endpoint need the role {@code ACTUATOR}. The notes and
 * uploads stay open, as in the rest of this sample.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole("ACTUATOR")
                        .anyRequest()
                        .permitAll())
                .httpBasic(withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session or login form: requests carry their credentials, and the endpoint only
                // accepts JSON, which a cross-site form cannot send.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
