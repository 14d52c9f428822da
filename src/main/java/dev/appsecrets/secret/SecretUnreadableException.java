package dev.appsecrets.secret;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A stored value failed to authenticate: it was altered, moved or replayed in the
 * database. A 500, since the caller did nothing wrong; the value is not sent, and
 * {@link IntegrityAlerts} reports it. Carries which value it was, never the value.
 */
class SecretUnreadableException extends ErrorResponseException {

	private final UUID appId;

	private final UUID secretId;

	private final String key;

	private final String what;

	/**
	 * @param appId the secret's app
	 * @param secretId the secret
	 * @param key the secret's key, for the alert
	 * @param what which value ("the value", "version 3") and why it failed
	 */
	SecretUnreadableException(UUID appId, UUID secretId, String key, String what) {
		super(HttpStatus.INTERNAL_SERVER_ERROR,
				ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "secret could not be decrypted"),
				null);
		this.appId = appId;
		this.secretId = secretId;
		this.key = key;
		this.what = what;
	}

	UUID appId() {
		return this.appId;
	}

	UUID secretId() {
		return this.secretId;
	}

	String key() {
		return this.key;
	}

	String what() {
		return this.what;
	}

}
