package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.appsecrets.web.SecretValue;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /apps/{appId}/secrets/by-key/{key}}: the value. The key is the
 * path's.
 */
// The fields of the answer a client may send back unchanged are ignored; any other is an
// error (the key too: it is the path's).
@JsonIgnoreProperties({ "id", "appId", "version", "createdAt", "updatedAt" })
@Schema(name = "SecretValueRequest")
record SecretValueRequest(
		@Schema(description = "The secret value: any Unicode text, empty, multi-line and NUL " + "included",
				example = "postgres://app:s3cr3t@db:5432/app",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @ValidText SecretValue value) {

}
