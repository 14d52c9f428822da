package dev.appsecrets.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.appsecrets.app.AppScope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every endpoint's rule, in one place. Stateless bearer tokens only: no session, no
 * cookie, so no CSRF to defend against. JWTs are accepted too when Spring Boot configures
 * a {@link JwtDecoder} ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, TokenAuthenticationProvider tokens, ObjectProvider<JwtDecoder> jwt,
			SecurityProblemHandler problems, AccessProperties properties) {
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(tokens));
		JwtDecoder decoder = jwt.getIfAvailable();
		if (decoder != null) {
			JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(decoder);
			jwtProvider.setJwtAuthenticationConverter(
					new JwtCallerConverter(properties.jwtPermissionsClaim(), properties.jwtAppIdsClaim()));
			providers.add(jwtProvider);
		}
		ProviderManager authentication = new ProviderManager(providers);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.cors((cors) -> cors.configurationSource(cors(properties)))
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver((request) -> authentication)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/apps")
				.access(allowed(Scope.ANY, Permission.APPS_READ))
				.requestMatchers(HttpMethod.POST, "/apps")
				.access(allowed(Scope.ALL_APPS, Permission.APPS_WRITE))
				.requestMatchers(HttpMethod.GET, "/apps/{appId}")
				.access(allowed(Scope.PATH_APP, Permission.APPS_READ))
				.requestMatchers("/apps/{appId}")
				.access(allowed(Scope.PATH_APP, Permission.APPS_WRITE))
				.requestMatchers(HttpMethod.GET, "/apps/{appId}/secrets")
				.access(allowed(Scope.PATH_APP, Permission.SECRETS_LIST, Permission.SECRETS_READ))
				.requestMatchers("/apps/{appId}/secrets")
				.access(allowed(Scope.PATH_APP, Permission.SECRETS_WRITE))
				.requestMatchers(HttpMethod.GET, "/apps/{appId}/secrets/deleted",
						"/apps/{appId}/secrets/{secretId}/versions")
				.access(allowed(Scope.PATH_APP, Permission.SECRETS_LIST, Permission.SECRETS_READ))
				.requestMatchers(HttpMethod.GET, "/apps/{appId}/secrets/{secretId}",
						"/apps/{appId}/secrets/{secretId}/versions/{version}")
				.access(allowed(Scope.PATH_APP, Permission.SECRETS_READ))
				.requestMatchers("/apps/{appId}/**")
				.access(allowed(Scope.PATH_APP, Permission.SECRETS_WRITE))
				.requestMatchers("/audit-events", "/audit-events/**")
				.access(allowed(Scope.ANY, Permission.AUDIT_READ))
				.requestMatchers("/tokens", "/tokens/**", "/admin/**")
				.access(allowed(Scope.ANY, Permission.ADMIN))
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** Which app limit a rule applies. */
	private enum Scope {

		/**
		 * Any caller with the permission; the endpoint itself narrows to the caller's
		 * apps.
		 */
		ANY,
		/** Only callers allowed every app (creating an app). */
		ALL_APPS,
		/** Only callers allowed the app named by {appId} in the path. */
		PATH_APP

	}

	/**
	 * Grants a caller with any of the permissions, within its app scope. An {appId} that
	 * is not a UUID is let through, so the endpoint answers 400 for it as it does for
	 * everyone.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> allowed(Scope scope, Permission... anyOf) {
		Set<String> authorities = Set.of(java.util.Arrays.stream(anyOf).map(Permission::value).toArray(String[]::new));
		return (Supplier<? extends Authentication> supplier, RequestAuthorizationContext context) -> {
			Authentication caller = supplier.get();
			if (caller == null || !caller.isAuthenticated()
					|| caller.getAuthorities()
						.stream()
						.noneMatch((authority) -> authorities.contains(authority.getAuthority()))) {
				return new AuthorizationDecision(false);
			}
			return new AuthorizationDecision(switch (scope) {
				case ANY -> true;
				case ALL_APPS -> AppScope.limitedTo(caller) == null;
				case PATH_APP -> {
					UUID appId = uuid(context.getVariables().get("appId"));
					yield appId == null || AppScope.allows(caller, appId);
				}
			});
		};
	}

	private static UUID uuid(String text) {
		try {
			return (text != null) ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The frontend's origins, from {@code secrets.cors-allowed-origins}; none by default.
	 */
	private static CorsConfigurationSource cors(AccessProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(properties.corsAllowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Request-Id"));
			configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Request-Id"));
			configuration.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", configuration);
		}
		return source;
	}

}
