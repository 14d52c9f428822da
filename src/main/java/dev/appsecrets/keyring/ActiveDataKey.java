package dev.appsecrets.keyring;

import java.util.UUID;

import javax.crypto.SecretKey;

/**
 * The data key new values are encrypted with.
 *
 * @param id its id, stored with every value it encrypts
 * @param key the unwrapped key, held only in memory
 */
public record ActiveDataKey(UUID id, SecretKey key) {

	@Override
	public String toString() {
		return "ActiveDataKey[" + this.id + "]";
	}

}
