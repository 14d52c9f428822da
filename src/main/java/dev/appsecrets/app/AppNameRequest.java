package dev.appsecrets.app;

import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /apps} and {@code PATCH /apps/{appId}}: the app's name.
 */
@Schema(name = "AppRequest")
record AppNameRequest(
		@Schema(description = "Display name, 1 to 100 characters, not blank", minLength = 1, maxLength = 100,
				example = "billing-service") @NotBlank @ValidText(maxCodePoints = 100, allowNul = false) String name) {
}
