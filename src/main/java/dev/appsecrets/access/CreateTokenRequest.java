package dev.appsecrets.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.appsecrets.caller.Permission;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /tokens}.
 */
record CreateTokenRequest(
		@Schema(description = "What the token is for", example = "billing-service production",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @ValidText(maxCodePoints = 100,
						allowNul = false) String name,
		@ArraySchema(schema = @Schema(implementation = String.class, allowableValues = {
				"apps:read", "apps:write", "secrets:list", "secrets:read", "secrets:write", "audit:read",
				"metrics:read", "admin" }),
				minItems = 1) @NotEmpty List<@NotNull(message = "must be a known permission") Permission> permissions,
		@Schema(description = "Apps the token is limited to; absent for every app. Must be given, and within the "
				+ "issuer's own apps, when the issuer is limited to apps; never together with admin (400)") List<@NotNull UUID> appIds,
		@Schema(description = "When the token stops working; absent for never") @Future Instant expiresAt){
}
