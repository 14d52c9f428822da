package dev.appsecrets.keyring;

import java.util.Map;
import java.util.UUID;

/**
 * Counts the stored values under each data key; implemented by the feature that stores
 * them.
 */
public interface DataKeyUsage {

	/**
	 * Counts values per data key.
	 * @return how many values each data key encrypts; keys with none may be absent
	 */
	Map<UUID, Long> valuesPerDataKey();

}
