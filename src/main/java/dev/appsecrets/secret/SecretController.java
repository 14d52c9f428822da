package dev.appsecrets.secret;

import java.util.UUID;

import dev.appsecrets.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
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

	private final SecretTransfer transfer;

	SecretController(SecretService secrets, SecretHistory history, DeletedSecrets deleted, SecretTransfer transfer) {
		this.secrets = secrets;
		this.history = history;
		this.deleted = deleted;
		this.transfer = transfer;
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

	@PutMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "importSecrets", summary = "Import or sync the app's secrets from JSON or a dotenv file",
			description = "Upserts by key in one transaction: a new key is created, a changed value becomes a new "
					+ "version, an unchanged one is left alone (for a caller that may read values; for a write-only "
					+ "caller every given key gets a new version). With prune=true the keys absent from the body are "
					+ "deleted, recoverably. With dryRun=true nothing is written and the answer says what would be. "
					+ "Every invalid line or key is reported at once, with its line, and nothing is written. At most "
					+ ImportReader.MAX_KEYS + " keys per request.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(type = "object", additionalPropertiesSchema = String.class),
							examples = @ExampleObject(
									value = "{\"DATABASE_URL\": \"postgres://db/app\", \"API_KEY\": \"k-123\"}")),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
							schema = @Schema(type = "string", description = "A dotenv file (grammar: docs/dotenv.md)"),
							examples = @ExampleObject(value = "DATABASE_URL=postgres://db/app\nAPI_KEY='k-$123'\n")) }))
	ImportResponse importSecrets(@PathVariable UUID appId,
			@Parameter(description = "true to delete (recoverably) the keys the body does not name",
					schema = @Schema(type = "boolean")) @RequestParam(required = false) String prune,
			@Parameter(description = "true to answer what would happen and change nothing",
					schema = @Schema(type = "boolean")) @RequestParam(required = false) String dryRun,
			@Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@Parameter(hidden = true) @RequestParam java.util.Map<String, String> parameters,
			@RequestBody byte[] body) {
		SecretTransfer.requireKnown(parameters.keySet());
		return this.transfer.importSecrets(appId, contentType, body, SecretTransfer.flag("prune", prune),
				SecretTransfer.flag("dryRun", dryRun));
	}

	@GetMapping(path = "/export",
			produces = { ExportFormat.TEXT_PLAIN, MediaType.APPLICATION_JSON_VALUE, ExportFormat.PROPERTIES_TYPE })
	@Operation(operationId = "exportSecrets", summary = "All of the app's values as a file, sorted by key",
			description = "dotenv (text/plain), one flat JSON object (application/json) or Java properties "
					+ "(text/x-java-properties), chosen by format, else by Accept; dotenv by default. Needs "
					+ "secrets:read; audited as a list with values (secrets.read). docs/dotenv.md says which dotenv "
					+ "readers read which values back exactly.")
	@ApiResponse(responseCode = "200",
			description = "The file, with a Content-Disposition filename; format wins over Accept",
			content = {
					@Content(mediaType = ExportFormat.TEXT_PLAIN,
							schema = @Schema(type = "string", description = "dotenv: KEY=value lines"),
							examples = @ExampleObject(value = "API_KEY=k-123\nDATABASE_URL=\"postgres://db/app\"\n")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(type = "object", additionalPropertiesSchema = String.class),
							examples = @ExampleObject(
									value = "{\"API_KEY\": \"k-123\", \"DATABASE_URL\": \"postgres://db/app\"}")),
					@Content(mediaType = ExportFormat.PROPERTIES_TYPE,
							schema = @Schema(type = "string", description = "Java properties, ASCII"),
							examples = @ExampleObject(value = "API_KEY=k-123\nDATABASE_URL=postgres\\://db/app\n")) })
	ResponseEntity<byte[]> export(@PathVariable UUID appId,
			@Parameter(description = "dotenv, json or properties") @RequestParam(required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		SecretTransfer.Export export = this.transfer.export(appId, ExportFormat.of(format, accept));
		return ResponseEntity.ok()
			.contentType(export.format().type())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.format().filename(appId)).build().toString())
			.body(export.file());
	}

	@GetMapping("/by-key/{key}")
	@Operation(operationId = "getSecretByKey", summary = "Get the secret with this key, with its value and ETag")
	ResponseEntity<SecretResponse> getByKey(@PathVariable UUID appId,
			@Parameter(description = "The secret's key", example = "DATABASE_URL") @PathVariable String key) {
		return tagged(this.secrets.getByKey(appId, key));
	}

	// "/{secretId}/versions" is the more specific pattern for the key "versions".
	@GetMapping("/by-key/versions")
	@Operation(operationId = "getSecretByKeyVersions", summary = "Get the secret whose key is \"versions\"")
	ResponseEntity<SecretResponse> getByKeyVersions(@PathVariable UUID appId) {
		return getByKey(appId, "versions");
	}

	@PutMapping(path = "/by-key/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "putSecretByKey",
			summary = "Set the value of the secret with this key: a new version, or a new secret (201)",
			description = "If-Match: the secret must exist and still have that ETag. If-None-Match: * creates only.")
	@ApiResponse(responseCode = "200", description = "A new version of the existing secret")
	@ApiResponse(responseCode = "201", description = "Created; Location is the new secret's URL, ETag its tag")
	ResponseEntity<SecretResponse> putByKey(@PathVariable UUID appId,
			@Parameter(description = "The secret's key", example = "DATABASE_URL") @PathVariable String key,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			@Parameter(description = "* to create only: 412 if the key has a secret") @RequestHeader(
					name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@Valid @RequestBody SecretValueRequest request) {
		SecretService.Put put = this.secrets.put(appId, key, request.value(), ifMatch, ifNoneMatch);
		if (put.created()) {
			return ResponseEntity.created(Locations.of("/apps/{appId}/secrets/{id}", appId, put.tagged().secret().id()))
				.eTag(put.tagged().etag())
				.body(put.tagged().secret());
		}
		return tagged(put.tagged());
	}

	@DeleteMapping("/by-key/{key}")
	@Operation(operationId = "deleteSecretByKey",
			summary = "Delete the secret with this key: hidden at once and its key free, recoverable until purged")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> deleteByKey(@PathVariable UUID appId,
			@Parameter(description = "The secret's key", example = "DATABASE_URL") @PathVariable String key,
			@Parameter(description = "true to destroy it and its versions at once") @RequestParam(
					defaultValue = "false") boolean purge,
			@Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		this.deleted.deleteByKey(appId, key, purge, ifMatch);
		return ResponseEntity.noContent().build();
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
