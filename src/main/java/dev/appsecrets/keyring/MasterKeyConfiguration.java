package dev.appsecrets.keyring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.appsecrets.crypto.KeyEncryptionKey;
import dev.appsecrets.crypto.LocalKeyEncryptionKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Loads the master key: {@code SECRETS_MASTER_KEY}, else the file named by
 * {@code SECRETS_MASTER_KEY_FILE}, else (with the embedded development database only) a
 * key generated under {@code ./data/}. Without any of them the service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	private static final String MAKE_A_KEY = "Make a key with: openssl rand -base64 32";

	@Bean
	MasterKeys masterKeys(EncryptionProperties properties, ObjectProvider<DevelopmentMasterKey> development) {
		List<KeyEncryptionKey> previous = new ArrayList<>();
		for (int i = 0; i < properties.previousMasterKeys().size(); i++) {
			String key = properties.previousMasterKeys().get(i);
			if (StringUtils.hasText(key)) {
				previous.add(parse(key, "SECRETS_PREVIOUS_MASTER_KEYS entry " + (i + 1)));
			}
		}
		return new MasterKeys(current(properties, development), List.copyOf(previous));
	}

	private static KeyEncryptionKey current(EncryptionProperties properties,
			ObjectProvider<DevelopmentMasterKey> development) {
		if (StringUtils.hasText(properties.masterKey())) {
			return parse(properties.masterKey(), "SECRETS_MASTER_KEY");
		}
		if (properties.masterKeyFile() != null) {
			return fromFile(properties.masterKeyFile());
		}
		DevelopmentMasterKey generated = development.getIfAvailable();
		if (generated != null) {
			return fromFile(generated.file());
		}
		throw new MasterKeyException("No master key is configured, and one is required with an external database.",
				"Set SECRETS_MASTER_KEY to base64 of 32 random bytes, or SECRETS_MASTER_KEY_FILE to a file holding "
						+ "it. " + MAKE_A_KEY + ". Keep it safe and apart from database backups: without it "
						+ "the stored secrets cannot be read.");
	}

	private static KeyEncryptionKey fromFile(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.US_ASCII), "Master key file " + file);
		}
		catch (IOException ex) {
			throw new MasterKeyException(
					"Master key file " + file + " cannot be read (" + ex.getClass().getSimpleName() + ").",
					"Check SECRETS_MASTER_KEY_FILE and the file's permissions.");
		}
	}

	private static KeyEncryptionKey parse(String base64, String source) {
		try {
			return LocalKeyEncryptionKey.fromBase64(base64, source);
		}
		catch (IllegalArgumentException ex) {
			throw new MasterKeyException(ex.getMessage(), MAKE_A_KEY + ".");
		}
	}

}
