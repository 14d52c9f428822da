package dev.appsecrets.keyring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The data keys, and how many values each still encrypts.
 *
 * @param activeDataKeyId the key new values are encrypted with
 * @param pendingReencryption values still under an older key (0 once a rotation has
 * finished)
 * @param dataKeys every data key, oldest first
 */
@Schema(name = "EncryptionStatus")
record EncryptionStatusResponse(UUID activeDataKeyId, long pendingReencryption, List<DataKeyStatus> dataKeys) {

	/**
	 * One data key.
	 *
	 * @param id the key's id
	 * @param active whether new values are encrypted with it
	 * @param masterKeyFingerprint the master key that wraps it
	 * @param createdAt when it was made
	 * @param values how many values it encrypts
	 */
	@Schema(name = "DataKeyStatus")
	record DataKeyStatus(UUID id, boolean active, String masterKeyFingerprint, Instant createdAt, long values) {
	}

}
