package dev.appsecrets.app;

import java.util.UUID;

import dev.appsecrets.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of apps: {@code /apps}.
 */
@RestController
@RequestMapping(path = "/apps", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Apps", description = "Applications, the owners of secrets")
class AppController {

	private final AppService apps;

	AppController(AppService apps) {
		this.apps = apps;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createApp", summary = "Create an app")
	@ApiResponse(responseCode = "201", description = "Created; Location is the new app's URL")
	ResponseEntity<AppResponse> create(@Valid @RequestBody AppNameRequest request) {
		AppResponse created = this.apps.create(request.name());
		return ResponseEntity.created(Locations.created(created.id())).body(created);
	}

	@GetMapping
	@Operation(operationId = "listApps",
			summary = "List apps, ordered by name then id, a page at a time (only its apps for an app-scoped token)")
	AppListResponse list(
			@Parameter(description = "Page size, 1 to 500") @RequestParam(
					defaultValue = "50") @Min(1) @Max(500) int limit,
			@Parameter(description = "Number of apps to skip") @RequestParam(defaultValue = "0") @Min(0) long offset) {
		return this.apps.list(limit, offset);
	}

	@GetMapping("/{appId}")
	@Operation(operationId = "getApp", summary = "Get an app")
	AppResponse get(@PathVariable UUID appId) {
		return this.apps.get(appId);
	}

	@PatchMapping(path = "/{appId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "renameApp", summary = "Rename an app")
	AppResponse rename(@PathVariable UUID appId, @Valid @RequestBody AppNameRequest request) {
		return this.apps.rename(appId, request.name());
	}

	@DeleteMapping("/{appId}")
	@Operation(operationId = "deleteApp", summary = "Delete an app and all its secrets")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable UUID appId) {
		this.apps.delete(appId);
		return ResponseEntity.noContent().build();
	}

}
