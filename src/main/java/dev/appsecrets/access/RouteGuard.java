package dev.appsecrets.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The last check before a handler of this service runs: the route that authorization
 * decided on must be the one Spring MVC chose. A controller mapping missing from the
 * {@link Route} table, or matched differently by the two, is refused (403) instead of
 * being served under another route's rule.
 */
@Configuration(proxyBeanMethods = false)
class RouteGuard implements WebMvcConfigurer, HandlerInterceptor {

	private static final String OWN_PACKAGE = "dev.appsecrets.";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.getBeanType().getName().startsWith(OWN_PACKAGE)
				&& !ErrorController.class.isAssignableFrom(method.getBeanType())) {
			RouteMatch match = RouteMatch.of(request);
			Object chosen = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			if (match.route() == null || !match.valid() || chosen == null
					|| !match.route().pattern().getPatternString().equals(chosen.toString())) {
				throw new AccessDeniedException("No access rule for this route");
			}
		}
		return true;
	}

}
