package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The optional body of {@code POST /apps/{appId}/secrets/{secretId}/rotate}.
 */
// A key or value here would be silently replaced by a random one: refused as unknown.
@JsonIgnoreProperties({ "id", "appId", "version", "createdAt", "updatedAt" })
record RotateSecretRequest(
		@Schema(description = "Length of the new value, 16 to 4096", defaultValue = "32",
				example = "48") @Min(16) @Max(4096) Integer length,
		@Schema(description = "Characters to draw from", defaultValue = "alphanumeric", example = "base64url",
				allowableValues = {
						"alphanumeric", "hex", "base64url", "ascii-printable" }) @Pattern(
								regexp = "alphanumeric|hex|base64url|ascii-printable",
								message = "must be alphanumeric, hex, base64url or ascii-printable") String alphabet){

	static final RotateSecretRequest DEFAULTS = new RotateSecretRequest(null, null);

	int lengthOrDefault() {
		return (this.length != null) ? this.length : 32;
	}

	String alphabetOrDefault() {
		return (this.alphabet != null) ? this.alphabet : "alphanumeric";
	}

}
