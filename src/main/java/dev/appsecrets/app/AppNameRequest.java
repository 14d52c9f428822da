package dev.appsecrets.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /apps} and {@code PATCH /apps/{appId}}: the app's name.
 */
// The fields of the answer a client may send back unchanged are ignored; any other is an
// error.
@JsonIgnoreProperties({ "id", "createdAt", "updatedAt" })
@Schema(name = "AppRequest")
record AppNameRequest(
		@Schema(description = "Display name, 1 to 100 characters, not blank", minLength = 1, maxLength = 100,
				example = "billing-service") @NotBlank @ValidText(maxCodePoints = 100, allowNul = false) String name) {
}
