package dev.appsecrets.secret;

import dev.appsecrets.web.CanonicalIds;

/**
 * The rule for secret keys, shared by the request records and the OpenAPI document; the
 * database's {@code app_secrets_key_format} check holds the same rule.
 */
final class SecretKeys {

	static final String PATTERN = CanonicalIds.KEY_PATTERN;

	static final String PATTERN_MESSAGE = "must contain only letters A-Z and a-z, digits 0-9 and underscores";

	static final int MAX_LENGTH = CanonicalIds.KEY_MAX_LENGTH;

	private SecretKeys() {
	}

}
