package dev.appsecrets.secret;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What is wrong with one line or key of a bulk import. Never repeats a value.
 *
 * @param line the line of the body, counted from 1
 * @param key the key on that line, if one could be read
 * @param message what is wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportError")
record ImportError(@Schema(description = "Line of the body, counted from 1") int line,
		@Schema(description = "The key on that line, if one could be read") String key, String message) {

}
