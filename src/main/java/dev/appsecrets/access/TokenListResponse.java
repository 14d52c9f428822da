package dev.appsecrets.access;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every API token's metadata, oldest first; never a token.
 */
@Schema(name = "TokenList")
record TokenListResponse(List<TokenResponse> tokens) {
}
