package dev.appsecrets.secret;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An app's secrets, ordered by key.
 */
@Schema(name = "SecretList")
record SecretListResponse(List<SecretResponse> secrets) {
}
