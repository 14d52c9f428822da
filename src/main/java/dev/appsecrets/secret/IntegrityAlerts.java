package dev.appsecrets.secret;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
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

	IntegrityAlerts(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Reports the failure.
	 * @param ex what failed to open
	 * @return the same exception, to throw on
	 */
	SecretUnreadableException report(SecretUnreadableException ex) {
		log.error("INTEGRITY ALERT: " + ex.what() + " of secret " + ex.secretId() + " (key " + ex.key() + ") of app "
				+ ex.appId() + " could not be decrypted");
		this.audit.recordFailure(AuditActions.SECRET_READ, ex.appId(), ex.secretId(), ex.key());
		return ex;
	}

}
