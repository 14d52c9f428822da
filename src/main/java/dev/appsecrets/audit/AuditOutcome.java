package dev.appsecrets.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** Done. */
	SUCCESS,
	/** Refused: no valid credentials (401) or not allowed (403). */
	DENIED,
	/**
	 * Attempted, and failed on the service's side (a value that could not be decrypted).
	 */
	FAILED;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static AuditOutcome of(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
