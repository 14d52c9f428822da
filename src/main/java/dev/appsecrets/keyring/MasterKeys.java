package dev.appsecrets.keyring;

import java.util.List;
import java.util.Optional;

import dev.appsecrets.crypto.KeyEncryptionKey;

/**
 * The current master key, which wraps every data key, and the previous ones still
 * accepted while a rotation is under way.
 */
record MasterKeys(KeyEncryptionKey current, List<KeyEncryptionKey> previous) {

	Optional<KeyEncryptionKey> byFingerprint(String fingerprint) {
		if (this.current.fingerprint().equals(fingerprint)) {
			return Optional.of(this.current);
		}
		return this.previous.stream().filter((key) -> key.fingerprint().equals(fingerprint)).findFirst();
	}

}
