package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appsecrets.web.CanonicalIds;
import dev.appsecrets.web.PayloadTooLargeException;
import dev.appsecrets.web.RequestLimitsProperties;
import dev.appsecrets.web.SecretValue;
import dev.appsecrets.web.ValidText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the body of a bulk import, a JSON object of key to value or a dotenv file, into
 * its entries, and checks every one by the rules of a single secret. Every invalid line
 * or key is reported at once, with its line; nothing is imported unless all are valid.
 */
@Component
class ImportReader {

	/** The most keys one import may carry: larger sets go in several requests. */
	static final int MAX_KEYS = 10_000;

	private final JsonMapper json;

	private final Validator validator;

	private final RequestLimitsProperties limits;

	ImportReader(JsonMapper json, Validator validator, RequestLimitsProperties limits) {
		this.json = json;
		this.validator = validator;
		this.limits = limits;
	}

	/** A JSON object whose members are keys and whose values are strings. */
	List<ImportEntry> json(byte[] body, boolean prune) {
		List<ImportEntry> entries = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		// Duplicate keys are reported below with the rest, not as the first failure.
		try (JsonParser parser = this.json.reader()
			.without(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw rejected(line(parser), "the body must be one JSON object of key to string value");
			}
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
				int line = line(parser);
				String key = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING) {
					entries.add(new ImportEntry(line, key, SecretValue.of(parser.getString())));
				}
				else {
					errors.add(new ImportError(line, CanonicalIds.key(key), "the value must be a JSON string"));
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw rejected(line(parser), "nothing may follow the JSON object");
			}
		}
		catch (JacksonException ex) {
			// Its message may quote the body, which holds values: only the line is told.
			int line = (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getLineNr()) : 1;
			throw rejected(line, "not well-formed JSON");
		}
		return checked(entries, errors, prune);
	}

	/** A dotenv file, by the grammar of {@link Dotenv}. */
	List<ImportEntry> dotenv(byte[] body, boolean prune) {
		Dotenv.Parsed parsed = Dotenv.parse(new String(body, StandardCharsets.UTF_8));
		return checked(parsed.entries(), new ArrayList<>(parsed.errors()), prune);
	}

	private List<ImportEntry> checked(List<ImportEntry> entries, List<ImportError> errors, boolean prune) {
		if (entries.size() > MAX_KEYS) {
			throw new ImportRejectedException(List.of(new ImportError(entries.get(MAX_KEYS).line(), null,
					"at most " + MAX_KEYS + " keys in one import: send the rest in another")));
		}
		Map<String, Integer> seen = new HashMap<>();
		boolean tooLarge = false;
		for (ImportEntry entry : entries) {
			// Only a valid key is named in an answer: an invalid one may be a value that
			// landed where a key belongs (a line of a PEM block, a password on its own).
			String key = CanonicalIds.key(entry.key());
			if (key == null) {
				errors.add(new ImportError(entry.line(), null,
						"key must be 1 to " + SecretKeys.MAX_LENGTH + " characters, " + SecretKeys.PATTERN_MESSAGE));
				continue;
			}
			Integer first = seen.putIfAbsent(key, entry.line());
			if (first != null) {
				errors.add(new ImportError(entry.line(), key,
						"the key is given twice (first on line " + first + "): give each key once"));
			}
			for (ConstraintViolation<CheckedValue> violation : this.validator
				.validate(new CheckedValue(entry.value()))) {
				errors.add(new ImportError(entry.line(), key, "value " + violation.getMessage()));
			}
			try {
				this.limits.requireWithinLimit(entry.value());
			}
			catch (PayloadTooLargeException ex) {
				errors.add(new ImportError(entry.line(), key, ex.getMessage()));
				tooLarge = true;
			}
		}
		if (entries.isEmpty() && prune) {
			errors.add(new ImportError(1, null, "no key: with prune=true this would delete every secret of the app; "
					+ "delete them instead if that is meant"));
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportError::line));
			throw new ImportRejectedException(errors, tooLarge);
		}
		return entries;
	}

	private static int line(JsonParser parser) {
		return Math.max(1, parser.currentTokenLocation().getLineNr());
	}

	private static ImportRejectedException rejected(int line, String message) {
		return new ImportRejectedException(List.of(new ImportError(line, null, message)));
	}

	/** A value, checked by the rules of a single secret's value. */
	private record CheckedValue(@ValidText SecretValue value) {

	}

}
