package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * The one place where a secret's value turns into its stored form and back. It stores the
 * UTF-8 bytes for now; encryption at rest replaces this class, which is why it already
 * receives the secret the value belongs to.
 */
@Component
class SecretValueCodec {

	byte[] encode(Secret secret, String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	String decode(Secret secret) {
		return new String(secret.storedValue(), StandardCharsets.UTF_8);
	}

}
