package dev.appsecrets.access;

import dev.appsecrets.caller.AppScope;
import dev.appsecrets.caller.Permission;
import dev.appsecrets.web.Problems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.appsecrets.audit.AuditLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Every endpoint's rule, from the one {@link Route} table. Stateless bearer tokens only:
 * no session, no cookie, so no CSRF to defend against. JWTs are accepted too when Spring
 * Boot configures a {@link JwtDecoder}
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Paths that need no caller: health probes and the API documentation. */
	/** The metrics endpoint on the main port. */
	static final String METRICS = "/actuator/prometheus";

	static final String[] PUBLIC_PATHS = { "/", "/index.html", "/actuator/health", "/actuator/health/**",
			"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/** The methods the firewall lets through (any other is a 405). */
	private static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS");

	/**
	 * Health probes and the API documentation need no caller, so they authenticate
	 * nobody: a bearer token sent to them is not looked up (no audit row, no answer that
	 * tells a good token from a bad one, nothing for rate limits to count).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain publicPaths(HttpSecurity http, Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String path : PUBLIC_PATHS) {
			matchers.add(PathPatternRequestMatcher.withDefaults().matcher(path));
		}
		if (managementPort != null && managementPort > 0
				&& !managementPort.equals(environment.getProperty("server.port", Integer.class))) {
			// The management port (MANAGEMENT_SERVER_PORT) is reached by the scraper and
			// the
			// probes only, as Kubernetes does it: no token there.
			PathPatternRequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
			matchers.add((request) -> request.getLocalPort() == managementPort && actuator.matches(request));
		}
		http.securityMatcher(new OrRequestMatcher(matchers))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, TokenAuthenticationProvider tokens, ObjectProvider<JwtDecoder> jwt,
			SecurityProblemHandler problems, Problems problemWriter, AccessProperties properties, RateLimiter limiter) {
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
			// A CORS filter of our own, only when origins are configured (see cors()).
			.cors((cors) -> cors.disable())
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver((request) -> authentication)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests
				// The container's error dispatch renders the error of a request that was
				// already decided on; it carries no data.
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				// Metrics span every app: metrics:read, on a token allowed every app.
				.requestMatchers(METRICS)
				.access((caller, context) -> new AuthorizationDecision(
						Permission.METRICS_READ.heldBy(caller.get()) && AppScope.unlimited(caller.get())))
				.anyRequest()
				.access(SecurityConfiguration::routeRule))
			.addFilterBefore(cors(properties, problemWriter), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new StrictRequestFilter(problemWriter), BearerTokenAuthenticationFilter.class)
			// Before authentication, so before the token lookup and any audit write.
			.addFilterBefore(RateLimitFilter.beforeAuthentication(limiter), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(RateLimitFilter.afterAuthentication(limiter), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * A request the firewall refuses (encoded separators, periods or line breaks in the
	 * path, path parameters, characters a header may not hold) is a 400 problem, answered
	 * at once: Spring Security's default sends an error that is then dispatched again,
	 * and answered as an authentication failure.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(Problems problems) {
		return (request, response, ex) -> {
			if (!SERVED_METHODS.contains(request.getMethod())) {
				response.setHeader(HttpHeaders.ALLOW, String.join(", ", SERVED_METHODS.stream().sorted().toList()));
				problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED,
						"Method not supported: use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
				return;
			}
			problems.write(request, response, HttpStatus.BAD_REQUEST,
					"The request was refused: its path or headers hold characters or sequences that are not allowed");
		};
	}

	/**
	 * Spring Security's firewall, with header values allowed to carry bytes above 0x7F:
	 * Tomcat reads header bytes as ISO-8859-1, so a UTF-8 {@code User-Agent} or
	 * {@code X-Access-Reason} (an emoji, say) shows as C1 control characters, which the
	 * default refuses only when the header is first read, deep inside the request, as a
	 * 500. Control characters below 0x20 (but tab) and DEL stay refused; the audit log
	 * decodes what it stores as UTF-8.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(
				(value) -> value.chars().allMatch((c) -> c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF)));
		return firewall;
	}

	/**
	 * The rule of the request's row in the {@link Route} table, decided on the ids that
	 * {@link RouteMatch} read. A path that no route answers needs only an authenticated
	 * caller: nothing answers it but 404 or 405, and {@link RouteGuard} refuses a handler
	 * that has no row.
	 */
	private static AuthorizationDecision routeRule(Supplier<? extends Authentication> caller,
			RequestAuthorizationContext context) {
		Authentication authentication = caller.get();
		RouteMatch match = RouteMatch.of(context.getRequest());
		if (match.route() == null) {
			// OPTIONS, a method the path does not take (405), or a path under an id that
			// no
			// route answers: only for a caller that one of the path's routes would let
			// in,
			// and only within its apps, so not even the Allow header of a route leaks.
			boolean authenticated = authentication != null && authentication.isAuthenticated();
			boolean inScope = match.appId() == null || AppScope.allows(authentication, match.appId());
			boolean permitted = match.samePath().isEmpty()
					|| match.samePath().stream().anyMatch((route) -> route.allows(authentication, match));
			return new AuthorizationDecision(match.valid() && authenticated && inScope && permitted);
		}
		return new AuthorizationDecision(match.route().allows(authentication, match));
	}

	/**
	 * The frontend's origins, from {@code secrets.cors-allowed-origins}; none by default.
	 * With none, no request is treated as a CORS preflight: an OPTIONS request with
	 * {@code Origin} is authorized like any other (Spring's filter would answer it 200
	 * before any rule). A refused origin is a 403 problem, not Spring's plain text.
	 */
	private static Filter cors(AccessProperties properties, Problems problems) {
		if (properties.corsAllowedOrigins().isEmpty()) {
			return (request, response, chain) -> chain.doFilter(request, response);
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.corsAllowedOrigins());
		configuration.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
				"X-Request-Id", AuditLog.REASON_HEADER));
		configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Request-Id", "RateLimit",
				"RateLimit-Policy", "Content-Disposition"));
		configuration.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new DefaultCorsProcessor() {
			@Override
			protected void rejectRequest(ServerHttpResponse response) throws IOException {
				if (response instanceof ServletServerHttpResponse servlet) {
					problems.write(servlet.getServletResponse(), HttpStatus.FORBIDDEN,
							"This origin may not call the service");
					return;
				}
				super.rejectRequest(response);
			}
		});
		return filter;
	}

}
