package dev.appsecrets.keyring;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the master key comes from, and how re-encryption runs.
 *
 * @param masterKey the master key (key-encryption key): base64 of 32 random bytes, made
 * with {@code openssl rand -base64 32}. Never stored in the database.
 * @param masterKeyFile a file holding the master key in the same form, for keys mounted
 * as Docker or Kubernetes secrets; used when {@code masterKey} is not set
 * @param previousMasterKeys master keys being rotated out: data keys wrapped by one of
 * them are re-wrapped under {@code masterKey} at start-up, after which they may be
 * removed
 */
@Validated
@ConfigurationProperties("secrets")
record EncryptionProperties(String masterKey, Path masterKeyFile, @DefaultValue List<String> previousMasterKeys) {

	@Override
	public String toString() {
		// The record's own toString would print the keys.
		return "EncryptionProperties[masterKey=" + ((this.masterKey != null) ? "(set)" : "(unset)") + ", masterKeyFile="
				+ this.masterKeyFile + ", previousMasterKeys=(" + this.previousMasterKeys.size() + ")]";
	}

}
