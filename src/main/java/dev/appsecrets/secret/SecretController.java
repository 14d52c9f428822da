package dev.appsecrets.secret;

import java.net.URI;
import java.util.UUID;

import dev.appsecrets.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * HTTP face of an app's secrets: {@code /apps/{appId}/secrets}.
 */
@RestController
@RequestMapping(path = "/apps/{appId}/secrets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Secrets", description = "The secret variables of an app")
class SecretController {

	private final SecretService secrets;

	SecretController(SecretService secrets) {
		this.secrets = secrets;
	}

	@GetMapping
	@Operation(operationId = "listSecrets", summary = "List the app's secrets, ordered by key",
			description = "With values for a caller holding secrets:read; names and metadata only with values=false "
					+ "or for a caller holding secrets:list alone.")
	SecretListResponse list(@PathVariable UUID appId, @Parameter(
			description = "false for names and metadata only") @RequestParam(defaultValue = "true") boolean values,
			@Parameter(hidden = true) Authentication caller) {
		boolean mayRead = caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> Permission.SECRETS_READ.value().equals(authority.getAuthority()));
		return this.secrets.list(appId, values && mayRead);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createSecret", summary = "Create a secret")
	@ApiResponse(responseCode = "201", description = "Created; Location is the new secret's URL")
	ResponseEntity<SecretResponse> create(@PathVariable UUID appId, @Valid @RequestBody CreateSecretRequest request) {
		SecretResponse created = this.secrets.create(appId, request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{secretId}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@GetMapping("/{secretId}")
	@Operation(operationId = "getSecret", summary = "Get a secret with its value")
	SecretResponse get(@PathVariable UUID appId, @PathVariable UUID secretId) {
		return this.secrets.get(appId, secretId);
	}

	@PatchMapping(path = "/{secretId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "updateSecret", summary = "Change a secret's key, value or both")
	SecretResponse update(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Valid @RequestBody UpdateSecretRequest request) {
		return this.secrets.update(appId, secretId, request);
	}

	@PutMapping(path = "/{secretId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "replaceSecret",
			summary = "Change a secret's key, value or both (same as PATCH, for the frontend)")
	SecretResponse replace(@PathVariable UUID appId, @PathVariable UUID secretId,
			@Valid @RequestBody UpdateSecretRequest request) {
		return this.secrets.update(appId, secretId, request);
	}

	@DeleteMapping("/{secretId}")
	@Operation(operationId = "deleteSecret", summary = "Delete a secret")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable UUID appId, @PathVariable UUID secretId) {
		this.secrets.delete(appId, secretId);
		return ResponseEntity.noContent().build();
	}

}
