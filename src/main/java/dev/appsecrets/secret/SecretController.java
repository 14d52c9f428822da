package dev.appsecrets.secret;

import java.util.UUID;

import dev.appsecrets.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of an app's secrets: {@code /apps/{appId}/secrets}.
 */
@RestController
@RequestMapping(path = "/apps/{appId}/secrets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Secrets", description = "The secret variables of an app")
class SecretController {

	private static final String IF_MATCH = "The ETag of the secret as last read: the change is refused with 412 if it has "
			+ "changed since; without it the last writer wins";

	private final SecretService secrets;

	private final SecretHistory history;

	private final DeletedSecrets deleted;

	SecretController(SecretService secrets, SecretHistory history, DeletedSecrets deleted) {
		this.secrets = secrets;
		this.history = history;
		this.deleted = deleted;
	}

	@GetMapping
	@Operation(operationId = "listSecrets", summary = "List the app's secrets, ordered by key",
			description = "With values for a caller holding secrets:read; names and metadata only with values=false "
					+ "or for a caller holding secrets:list alone.")
	SecretListResponse list(@PathVariable UUID appId, @Parameter(
			description = "false for names and metadata only") @RequestParam(required = false) Boolean values) {
		// No default value: Spring would put it in place of an empty "values=" too.
		return this.secrets.list(appId, values == null || values);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createSecret", summary = "Create a secret (version 1)")
	@ApiResponse(responseCode = "201", description = "Created; Location is the new secret's URL, ETag its tag")
	ResponseEntity<SecretResponse> create(@PathVariable UUID appId, @Valid @RequestBody CreateSecretRequest request) {
		Tagged created = this.secrets.create(appId, request);
		return ResponseEntity.created(Locations.created(created.secret().id()))
			.eTag(created.etag())
			.body(created.secret());
	}

	@GetMapping("/deleted")
	@Operation(operationId = "listDeletedSecrets",
			summary = "Deleted secrets that can still be brought back, with when they will be purged")
	DeletedSecretResponse.Deleted listDeleted(@PathVariable UUID appId) {
		return this.deleted.list(appId);
	}

	@GetMapping("/{secretId}")
	@Operation(operationId = "getSecret", summary = "Get a secret with its value (and its ETag)")
	ResponseEntity<SecretResponse> get(@PathVariable UUID appId, @PathVariable UUID secretId) {
		return tagged(this.secrets.get(appId, secretId));
	}

	@PatchMapping(path = "/{secretId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "updateSecret",
			summary = "Change a secret's key, value or both; a new value is a new version")
	ResponseEntity<SecretResponse> update(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			@Valid @RequestBody UpdateSecretRequest request) {
		return tagged(this.secrets.update(appId, secretId, request, ifMatch));
	}

	@PutMapping(path = "/{secretId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "replaceSecret",
			summary = "Change a secret's key, value or both (same as PATCH, for the frontend)")
	ResponseEntity<SecretResponse> replace(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			@Valid @RequestBody UpdateSecretRequest request) {
		return tagged(this.secrets.update(appId, secretId, request, ifMatch));
	}

	@DeleteMapping("/{secretId}")
	@Operation(operationId = "deleteSecret",
			summary = "Delete a secret: hidden at once and its key free, recoverable until purged")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Parameter(description = "true to destroy it and its versions at once") @RequestParam(
					defaultValue = "false") boolean purge,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		this.deleted.delete(appId, secretId, purge, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{secretId}/undelete")
	@Operation(operationId = "undeleteSecret", summary = "Bring a deleted secret back with its versions")
	ResponseEntity<SecretResponse> undelete(@PathVariable UUID appId, @PathVariable UUID secretId) {
		return tagged(this.deleted.undelete(appId, secretId));
	}

	@GetMapping("/{secretId}/versions")
	@Operation(operationId = "listSecretVersions",
			summary = "The versions of a secret's value, newest first, no values")
	SecretVersionResponse.Versions versions(@PathVariable UUID appId, @PathVariable UUID secretId) {
		return this.history.versions(appId, secretId);
	}

	@GetMapping("/{secretId}/versions/{version}")
	@Operation(operationId = "getSecretVersion", summary = "One version of a secret, with its value")
	SecretVersionResponse version(@PathVariable UUID appId, @PathVariable UUID secretId, @PathVariable int version) {
		return this.history.version(appId, secretId, version);
	}

	@PostMapping("/{secretId}/versions/{version}/restore")
	@Operation(operationId = "restoreSecretVersion", summary = "Make an old version's value current, as a new version")
	ResponseEntity<SecretResponse> restore(@PathVariable UUID appId, @PathVariable UUID secretId,
			@PathVariable int version, @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		return tagged(this.history.restore(appId, secretId, version, ifMatch));
	}

	@PostMapping("/{secretId}/rotate")
	@Operation(operationId = "rotateSecret", summary = "Store a new random value as a new version and answer it")
	ResponseEntity<SecretResponse> rotate(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			@Valid @RequestBody(required = false) RotateSecretRequest request) {
		return tagged(this.history.rotate(appId, secretId, (request != null) ? request : RotateSecretRequest.DEFAULTS,
				ifMatch));
	}

	private static ResponseEntity<SecretResponse> tagged(Tagged tagged) {
		return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.secret());
	}

}
