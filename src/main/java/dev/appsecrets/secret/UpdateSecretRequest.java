package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.appsecrets.web.SecretValue;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH} (or {@code PUT}) {@code /apps/{appId}/secrets/{secretId}}: a
 * new key, a new value, or both. A field that is absent or null is left as it is.
 */
// The fields of the answer a client may send back unchanged are ignored; any other is an
// error.
@JsonIgnoreProperties({ "id", "appId", "version", "createdAt", "updatedAt" })
record UpdateSecretRequest(
		@Schema(description = "New variable name, unique in the app", example = "DATABASE_PASSWORD") @Size(min = 1,
				max = SecretKeys.MAX_LENGTH) @Pattern(regexp = SecretKeys.PATTERN,
						message = SecretKeys.PATTERN_MESSAGE) String key,
		@Schema(description = "New value: any Unicode text, empty, multi-line and NUL included",
				example = "n3w-s3cr3t") @ValidText SecretValue value) {

	@AssertTrue(message = "must name key, value or both")
	@Schema(hidden = true)
	boolean isKeyOrValue() {
		return this.key != null || this.value != null;
	}

}
