package dev.appsecrets.app;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An app as callers see it.
 */
@Schema(name = "App")
record AppResponse(UUID id, String name, Instant createdAt, Instant updatedAt) {

	static AppResponse from(App app) {
		return new AppResponse(app.id(), app.name(), app.createdAt(), app.updatedAt());
	}

}
