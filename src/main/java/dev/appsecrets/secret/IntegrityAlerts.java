package dev.appsecrets.secret;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Reports a stored value that failed to authenticate: an {@code INTEGRITY ALERT} in the
 * log (ids and key, never the value) and a {@code failed} audit event.
 */
@Component
class IntegrityAlerts {

	private static final Log log = LogFactory.getLog(IntegrityAlerts.class);

	private final AuditLog audit;

	private final Counter alerts;

	IntegrityAlerts(AuditLog audit, MeterRegistry meters) {
		this.audit = audit;
		this.alerts = Counter.builder("secrets.integrity.alerts")
			.description("Stored values that failed to authenticate: tampering or corruption")
			.register(meters);
	}

	/**
	 * Reports the failure.
	 * @param ex what failed to open
	 * @return the same exception, to throw on
	 */
	SecretUnreadableException report(SecretUnreadableException ex) {
		log.error("INTEGRITY ALERT: " + ex.what() + " of secret " + ex.secretId() + " (key " + ex.key() + ") of app "
				+ ex.appId() + " could not be decrypted");
		this.alerts.increment();
		this.audit.recordFailure(AuditActions.SECRET_READ, ex.appId(), ex.secretId(), ex.key());
		return ex;
	}

}
