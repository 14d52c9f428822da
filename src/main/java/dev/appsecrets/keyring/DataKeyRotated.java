package dev.appsecrets.keyring;

import java.util.UUID;

/**
 * A new data key became the active one; values under older keys should be re-encrypted.
 *
 * @param activeDataKeyId the new active key
 */
public record DataKeyRotated(UUID activeDataKeyId) {
}
