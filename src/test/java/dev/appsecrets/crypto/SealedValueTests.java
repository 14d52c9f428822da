package dev.appsecrets.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SealedValueTests {

	private final UUID dataKeyId = UUID.randomUUID();

	private final SecretKey dataKey = Aead.newKey();

	private final UUID appId = UUID.randomUUID();

	private final UUID secretId = UUID.randomUUID();

	private final byte[] plaintext = "p@ss\u0000wörd 😀".getBytes(StandardCharsets.UTF_8);

	@Test
	void sealedValueOpensToTheSameBytesAndNamesItsDataKey() {
		byte[] stored = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);

		assertThat(stored[0]).isEqualTo(SealedValue.VERSION_1);
		assertThat(SealedValue.dataKeyId(stored)).isEqualTo(this.dataKeyId);
		assertThat(SealedValue.open(stored, this.dataKey, this.appId, this.secretId)).isEqualTo(this.plaintext);
	}

	@Test
	void everySealingUsesAFreshNonce() {
		byte[] first = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);
		byte[] second = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);

		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("p@ss");
	}

	@Test
	void ciphertextMovedToAnotherRowFailsToDecrypt() {
		byte[] stored = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);

		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> SealedValue.open(stored, this.dataKey, this.appId, UUID.randomUUID()));
		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> SealedValue.open(stored, this.dataKey, UUID.randomUUID(), this.secretId));
	}

	@Test
	void anyAlteredByteFailsToDecrypt() {
		byte[] stored = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);
		for (int i = 0; i < stored.length; i++) {
			byte[] altered = stored.clone();
			altered[i] ^= 0x01;
			assertThatExceptionOfType(IntegrityException.class).as("byte %d", i)
				.isThrownBy(() -> SealedValue.open(altered, this.dataKey, this.appId, this.secretId));
		}
	}

	@Test
	void theWrongDataKeyFailsToDecrypt() {
		byte[] stored = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, this.plaintext);

		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> SealedValue.open(stored, Aead.newKey(), this.appId, this.secretId));
	}

	@Test
	void truncatedOrForeignFormatsAreRefused() {
		assertThatExceptionOfType(IntegrityException.class).isThrownBy(() -> SealedValue.dataKeyId(new byte[3]));
		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> SealedValue.dataKeyId("plain text value".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void emptyValuesSealToo() {
		byte[] stored = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretId, new byte[0]);

		assertThat(SealedValue.open(stored, this.dataKey, this.appId, this.secretId)).isEmpty();
	}

}
