package dev.appsecrets.crypto;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalKeyEncryptionKeyTests {

	@Test
	void wrapsAndUnwrapsADataKeyBoundToItsId() {
		LocalKeyEncryptionKey master = LocalKeyEncryptionKey.fromBase64(LocalKeyEncryptionKey.generateBase64(), "test");
		byte[] dataKey = Aead.newKey().getEncoded();

		byte[] wrapped = master.wrap(dataKey, new byte[] { 1 });

		assertThat(master.unwrap(wrapped, new byte[] { 1 })).isEqualTo(dataKey);
		assertThatExceptionOfType(IntegrityException.class).isThrownBy(() -> master.unwrap(wrapped, new byte[] { 2 }));
	}

	@Test
	void anotherMasterKeyCannotUnwrap() {
		LocalKeyEncryptionKey one = LocalKeyEncryptionKey.fromBase64(LocalKeyEncryptionKey.generateBase64(), "one");
		LocalKeyEncryptionKey two = LocalKeyEncryptionKey.fromBase64(LocalKeyEncryptionKey.generateBase64(), "two");

		byte[] wrapped = one.wrap(Aead.newKey().getEncoded(), new byte[0]);

		assertThatExceptionOfType(IntegrityException.class).isThrownBy(() -> two.unwrap(wrapped, new byte[0]));
		assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint());
	}

	@Test
	void fingerprintIsStableAndRevealsNothingOfTheKey() {
		String base64 = LocalKeyEncryptionKey.generateBase64();

		String fingerprint = LocalKeyEncryptionKey.fromBase64(base64, "a").fingerprint();

		assertThat(LocalKeyEncryptionKey.fromBase64(" " + base64 + "\n", "b").fingerprint()).isEqualTo(fingerprint);
		assertThat(fingerprint).hasSize(16).matches("[0-9a-f]+");
		assertThat(base64).doesNotContain(fingerprint);
		assertThat(LocalKeyEncryptionKey.fromBase64(base64, "a").toString()).doesNotContain(base64);
	}

	@Test
	void keysThatAreNot32BytesOfBase64AreRefusedWithoutEchoingThem() {
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyEncryptionKey.fromBase64(short16, "SECRETS_MASTER_KEY"))
			.withMessageContaining("SECRETS_MASTER_KEY")
			.withMessageContaining("openssl rand -base64 32")
			.withMessageNotContaining(short16);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyEncryptionKey.fromBase64("not base64 at all!", "SECRETS_MASTER_KEY"))
			.withMessageNotContaining("not base64 at all");
	}

}
