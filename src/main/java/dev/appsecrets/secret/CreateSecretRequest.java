package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.appsecrets.web.SecretValue;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /apps/{appId}/secrets}.
 */
// The fields of the answer a client may send back unchanged are ignored; any other is an
// error.
@JsonIgnoreProperties({ "id", "appId", "version", "createdAt", "updatedAt" })
record CreateSecretRequest(@Schema(description = "Variable name, unique in the app", example = "DATABASE_PASSWORD",
		requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Size(min = 1, max = SecretKeys.MAX_LENGTH) @Pattern(
				regexp = SecretKeys.PATTERN, message = SecretKeys.PATTERN_MESSAGE) String key,
		@Schema(description = "The secret value: any Unicode text, empty, multi-line and NUL included",
				example = "s3cr3t",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @ValidText SecretValue value) {

}
