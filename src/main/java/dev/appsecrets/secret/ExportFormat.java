package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.appsecrets.web.InvalidRequestException;
import dev.appsecrets.web.SecretValue;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * The files an export writes: dotenv, one flat JSON object, or Java properties; each
 * sorted by key.
 */
enum ExportFormat {

	/** {@code KEY=value} lines, by the grammar of {@link Dotenv}. */
	DOTENV("dotenv", "env", new MediaType("text", "plain", StandardCharsets.UTF_8)),
	/** One JSON object of key to value. */
	JSON("json", "json", MediaType.APPLICATION_JSON),
	/**
	 * As {@link java.util.Properties#store(java.io.OutputStream, String)} writes them:
	 * ASCII with {@code \}{@code uXXXX} escapes, read the same by
	 * {@code load(InputStream)} and {@code load(Reader)}.
	 */
	PROPERTIES("properties", "properties", new MediaType("text", "x-java-properties", StandardCharsets.UTF_8));

	/** The media types an export answers in, as its mapping declares them. */
	static final String TEXT_PLAIN = "text/plain";

	static final String PROPERTIES_TYPE = "text/x-java-properties";

	private final String parameter;

	private final String extension;

	private final MediaType type;

	ExportFormat(String parameter, String extension, MediaType type) {
		this.parameter = parameter;
		this.extension = extension;
		this.type = type;
	}

	MediaType type() {
		return this.type;
	}

	String filename(Object appId) {
		return "secrets-" + appId + "." + this.extension;
	}

	/**
	 * The format asked for: the {@code format} parameter if given, else the first of the
	 * {@code Accept} header's types that a format has (dotenv for {@code *}{@code /*} or
	 * none).
	 */
	static ExportFormat of(String format, String accept) {
		if (format != null) {
			for (ExportFormat candidate : values()) {
				if (candidate.parameter.equals(format)) {
					return candidate;
				}
			}
			throw InvalidRequestException.parameter("format", "must be dotenv, json or properties");
		}
		if (accept == null || accept.isBlank()) {
			return DOTENV;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return DOTENV;
		}
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType type : accepted) {
			for (ExportFormat candidate : values()) {
				if (type.getQualityValue() > 0 && type.includes(candidate.type)) {
					return candidate;
				}
			}
		}
		return DOTENV;
	}

	/** The file for these values, in key order. */
	byte[] write(Map<String, SecretValue> values, tools.jackson.databind.json.JsonMapper json) {
		return switch (this) {
			case DOTENV -> Dotenv.write(values).getBytes(StandardCharsets.UTF_8);
			case JSON -> json.writeValueAsBytes(revealed(values));
			case PROPERTIES -> JavaProperties.write(values);
		};
	}

	private static Map<String, String> revealed(Map<String, SecretValue> values) {
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		values.forEach((key, value) -> texts.put(key, value.reveal()));
		return texts;
	}

}
