package dev.appsecrets.keyring;

import dev.appsecrets.web.StartupRefusal;

/**
 * The service cannot start with the master key it was given (or without one). The message
 * says what to set and names keys only by fingerprint.
 */
class MasterKeyException extends StartupRefusal {

	MasterKeyException(String message, String action) {
		super(message, action);
	}

}
