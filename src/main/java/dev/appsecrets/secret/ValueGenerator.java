package dev.appsecrets.secret;

import dev.appsecrets.web.SecretValue;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Makes random secret values from {@link SecureRandom}, drawing each character uniformly
 * from the alphabet (no modulo bias: SecureRandom.nextInt(bound) rejects out-of-range
 * draws).
 */
final class ValueGenerator {

	static final Map<String, String> ALPHABETS = Map.of("alphanumeric",
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "hex", "0123456789abcdef", "base64url",
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", "ascii-printable", asciiPrintable());

	private static final SecureRandom random = new SecureRandom();

	private ValueGenerator() {
	}

	static SecretValue generate(int length, String alphabet) {
		String characters = ALPHABETS.get(alphabet);
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(characters.charAt(random.nextInt(characters.length())));
		}
		return SecretValue.of(value.toString());
	}

	private static String asciiPrintable() {
		StringBuilder characters = new StringBuilder();
		for (char c = '!'; c <= '~'; c++) {
			characters.append(c);
		}
		return characters.toString();
	}

}
