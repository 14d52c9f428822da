package dev.appsecrets.keyring;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the key ring: {@code /admin/encryption}.
 */
@RestController
@RequestMapping(path = "/admin/encryption", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Encryption", description = "Data keys and their rotation")
class EncryptionController {

	private final DataKeyRing keyRing;

	private final DataKeyUsage usage;

	EncryptionController(DataKeyRing keyRing, DataKeyUsage usage) {
		this.keyRing = keyRing;
		this.usage = usage;
	}

	@PostMapping("/rotate")
	@Operation(operationId = "rotateDataKey",
			summary = "Make a new data key the active one and re-encrypt existing values in the background")
	@ApiResponse(responseCode = "202", description = "Rotated; re-encryption runs in the background")
	ResponseEntity<EncryptionStatusResponse> rotate() {
		this.keyRing.rotate();
		return ResponseEntity.accepted().body(status());
	}

	@GetMapping("/status")
	@Operation(operationId = "encryptionStatus", summary = "Each data key with how many values still use it")
	EncryptionStatusResponse status() {
		Map<UUID, Long> counts = this.usage.valuesPerDataKey();
		List<EncryptionStatusResponse.DataKeyStatus> keys = this.keyRing.all()
			.stream()
			.map((key) -> new EncryptionStatusResponse.DataKeyStatus(key.id(), key.active(), key.masterKeyFingerprint(),
					key.createdAt(), counts.getOrDefault(key.id(), 0L)))
			.toList();
		UUID active = keys.stream()
			.filter(EncryptionStatusResponse.DataKeyStatus::active)
			.map(EncryptionStatusResponse.DataKeyStatus::id)
			.findFirst()
			.orElse(null);
		long pending = counts.entrySet()
			.stream()
			.filter((entry) -> active == null || !active.equals(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
		return new EncryptionStatusResponse(active, pending, keys);
	}

}
