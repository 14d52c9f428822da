package dev.appsecrets.access;

import java.io.IOException;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import dev.appsecrets.web.DatabaseAvailability;
import dev.appsecrets.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's refusals as problem details: 401 with
 * {@code WWW-Authenticate: Bearer}, 403, and 503 when a token cannot be checked. A
 * guessed, expired and revoked token get the very same answer.
 */
@Component
class SecurityProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String REALM = "Bearer realm=\"app-secrets-vault\"";

	private static final Log log = LogFactory.getLog(SecurityProblemHandler.class);

	private final Problems problems;

	private final AuditLog audit;

	private final RateLimiter limiter;

	private final DatabaseAvailability availability;

	SecurityProblemHandler(Problems problems, AuditLog audit, RateLimiter limiter, DatabaseAvailability availability) {
		this.problems = problems;
		this.audit = audit;
		this.limiter = limiter;
		this.availability = availability;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof CredentialsUncheckableException) {
			if (DatabaseAvailability.isUnavailable(ex)) {
				// The next requests fail at once instead of each finding the pool broken.
				this.availability.markDown();
			}
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The database is unavailable; try again shortly");
			return;
		}
		// An address over its budget of failures gets a 429 and costs no audit write.
		if (!this.limiter.failedAuthentication(request, response)) {
			return;
		}
		recordDenied(request, null);
		boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? REALM + ", error=\"invalid_token\"" : REALM);
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				tokenSent ? TokenAuthenticationProvider.INVALID : "A bearer token is required");
	}

	/**
	 * The refusal stands whether or not it could be recorded (the database may be what
	 * failed).
	 */
	private void recordDenied(HttpServletRequest request, Authentication caller) {
		try {
			RouteMatch match = RouteMatch.of(request);
			String action = (match.route() != null) ? match.route().action() : AuditActions.REQUEST;
			this.audit.recordDenied(request, caller, action, match.appId(), match.secretId());
		}
		catch (RuntimeException ex) {
			log.warn("A refused request could not be audited: " + ex.getClass().getName());
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		recordDenied(request, SecurityContextHolder.getContext().getAuthentication());
		this.problems.write(request, response, HttpStatus.FORBIDDEN, (ex instanceof TokenExceedsIssuerException)
				? ex.getMessage() : "The bearer token does not allow this request (permission or app)");
	}

}
