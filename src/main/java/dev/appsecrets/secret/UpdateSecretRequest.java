package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.appsecrets.web.SecretValue;
import dev.appsecrets.web.ValidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH} (or {@code PUT}) {@code /apps/{appId}/secrets/{secretId}}: a
 * new key, a new value, or both. A field that is absent is left as it is; {@code null} is
 * refused (it would read as "absent" and silently change nothing). A class, not a record:
 * Jackson passes an absent record component as {@code null}, so only fields set one by
 * one tell the two apart.
 */
// The fields of the answer a client may send back unchanged are ignored; any other is an
// error.
@JsonIgnoreProperties({ "id", "appId", "version", "createdAt", "updatedAt" })
final class UpdateSecretRequest {

	@Schema(description = "New variable name, unique in the app", example = "DATABASE_PASSWORD")
	@JsonProperty("key")
	@JsonSetter(nulls = Nulls.FAIL)
	@Size(min = 1, max = SecretKeys.MAX_LENGTH)
	@Pattern(regexp = SecretKeys.PATTERN, message = SecretKeys.PATTERN_MESSAGE)
	private String key;

	@Schema(description = "New value: any Unicode text, empty, multi-line and NUL included", example = "n3w-s3cr3t")
	@JsonProperty("value")
	@JsonSetter(nulls = Nulls.FAIL)
	@ValidText
	private SecretValue value;

	UpdateSecretRequest() {
	}

	UpdateSecretRequest(String key, SecretValue value) {
		this.key = key;
		this.value = value;
	}

	String key() {
		return this.key;
	}

	SecretValue value() {
		return this.value;
	}

	@AssertTrue(message = "must name key, value or both")
	@Schema(hidden = true)
	boolean isKeyOrValue() {
		return this.key != null || this.value != null;
	}

	@Override
	public String toString() {
		return "UpdateSecretRequest[key=" + this.key + ", value=" + this.value + "]";
	}

}
