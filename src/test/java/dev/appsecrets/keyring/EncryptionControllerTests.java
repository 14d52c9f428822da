package dev.appsecrets.keyring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.web.ControllerSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The encryption controller's mapping alone: what the status says, how rotation answers.
 */
@ControllerSlice(EncryptionController.class)
class EncryptionControllerTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private DataKeyRing keyRing;

	@MockitoBean
	private DataKeyUsage usage;

	@Test
	void statusCountsValuesStillUnderRetiredKeysAsPending() {
		DataKey retired = new DataKey(UUID.randomUUID(), new byte[1], "old", NOW);
		retired.retire();
		DataKey active = new DataKey(UUID.randomUUID(), new byte[1], "new", NOW);
		given(this.keyRing.all()).willReturn(List.of(retired, active));
		given(this.usage.valuesPerDataKey()).willReturn(Map.of(retired.id(), 7L, active.id(), 3L));

		assertThat(this.mvc.get().uri("/admin/encryption/status")).hasStatus(200)
			.bodyJson()
			.hasPathSatisfying("$.activeDataKeyId", (id) -> assertThat(id).asString().isEqualTo(active.id().toString()))
			.hasPathSatisfying("$.pendingReencryption", (pending) -> assertThat(pending).asNumber().isEqualTo(7))
			.hasPathSatisfying("$.dataKeys[0].values", (values) -> assertThat(values).asNumber().isEqualTo(7));
	}

	@Test
	void rotationAnswers202WithTheNewStatus() {
		DataKey active = new DataKey(UUID.randomUUID(), new byte[1], "new", NOW);
		given(this.keyRing.all()).willReturn(List.of(active));
		given(this.usage.valuesPerDataKey()).willReturn(Map.of());

		assertThat(this.mvc.post().uri("/admin/encryption/rotate")).hasStatus(202)
			.bodyJson()
			.extractingPath("$.pendingReencryption")
			.asNumber()
			.isEqualTo(0);
		then(this.keyRing).should().rotate();
	}

	@Test
	void rotationTakesNoBodyAndOnlyPost() {
		assertThat(this.mvc.get().uri("/admin/encryption/rotate")).hasStatus(405);
		assertThat(this.mvc.delete().uri("/admin/encryption/status")).hasStatus(405);
		then(this.keyRing).should(never()).rotate();
	}

}
