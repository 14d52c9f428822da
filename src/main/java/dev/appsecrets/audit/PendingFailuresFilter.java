package dev.appsecrets.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the failure events of a request (a value that failed to decrypt) after the
 * request is done, when its transaction has ended and its connection is back in the pool:
 * a request never holds two connections.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PendingFailuresFilter extends OncePerRequestFilter {

	private static final String ATTRIBUTE = PendingFailuresFilter.class.getName();

	private static final Log log = LogFactory.getLog(PendingFailuresFilter.class);

	private final AuditLog audit;

	PendingFailuresFilter(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Keeps a failure to be written once the request is done.
	 * @return false if this filter does not see the request (write it now instead)
	 */
	@SuppressWarnings("unchecked")
	static boolean defer(HttpServletRequest request, AuditLog.PendingFailure failure) {
		if (request.getAttribute(ATTRIBUTE) instanceof List<?> pending) {
			((List<AuditLog.PendingFailure>) pending).add(failure);
			return true;
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<AuditLog.PendingFailure> pending = new ArrayList<>();
		request.setAttribute(ATTRIBUTE, pending);
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.removeAttribute(ATTRIBUTE);
			for (AuditLog.PendingFailure failure : pending) {
				try {
					this.audit.writeDeferred(failure);
				}
				catch (RuntimeException ex) {
					log.warn("A failure could not be audited: " + ex.getClass().getName());
				}
			}
		}
	}

}
