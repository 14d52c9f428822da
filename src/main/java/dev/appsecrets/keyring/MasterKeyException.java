package dev.appsecrets.keyring;

/**
 * The service cannot start with the master key it was given (or without one). The message
 * says what to set and names keys only by fingerprint.
 */
class MasterKeyException extends RuntimeException {

	private final String action;

	MasterKeyException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
