package dev.appsecrets.access;

import java.util.UUID;

import dev.appsecrets.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of API tokens: {@code /tokens} (permission {@code admin}).
 */
@RestController
@RequestMapping(path = "/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tokens", description = "API tokens scoped to permissions and apps (permission admin)")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createToken", summary = "Create a token; the token is in this answer only",
			description = "A token can grant only what its issuer holds: permissions the issuer has and, for an "
					+ "issuer limited to apps, only some of those apps (403 otherwise). admin together with appIds "
					+ "is refused (400).")
	@ApiResponse(responseCode = "201", description = "Created; store the token now, it is never shown again")
	ResponseEntity<TokenResponse> create(@Valid @RequestBody CreateTokenRequest request) {
		TokenResponse created = this.tokens.create(request);
		return ResponseEntity.created(Locations.created(created.id())).body(created);
	}

	@GetMapping
	@Operation(operationId = "listTokens", summary = "List tokens (metadata only)",
			description = "A caller limited to apps sees only the tokens limited to some of its apps.")
	TokenListResponse list() {
		return this.tokens.list();
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "revokeToken", summary = "Revoke a token, at once",
			description = "A caller limited to apps may revoke only tokens limited to some of its apps (403 otherwise).")
	@ApiResponse(responseCode = "204", description = "Revoked")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
