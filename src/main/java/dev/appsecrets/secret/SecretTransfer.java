package dev.appsecrets.secret;

import java.util.List;
import java.util.UUID;

import dev.appsecrets.caller.AppScope;
import dev.appsecrets.web.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Whole apps in and out as files: an export in one of the {@link ExportFormat}s, and a
 * bulk import from JSON or dotenv.
 */
@Service
class SecretTransfer {

	private final SecretDelivery delivery;

	private final ImportReader reader;

	private final SecretImport imports;

	private final JsonMapper json;

	SecretTransfer(SecretDelivery delivery, ImportReader reader, SecretImport imports, JsonMapper json) {
		this.delivery = delivery;
		this.reader = reader;
		this.imports = imports;
		this.json = json;
	}

	/** An export file and its format. */
	record Export(ExportFormat format, byte[] file) {
	}

	/**
	 * The app's values as a file, for a caller holding {@code secrets:read} on it;
	 * audited as a list with values.
	 */
	Export export(UUID appId, ExportFormat format) {
		return new Export(format, format.write(this.delivery.snapshot(appId).values(), this.json));
	}

	/**
	 * Reads the body (JSON, or dotenv for {@code text/plain}) and imports it.
	 * @throws ImportRejectedException listing every invalid line or key, if any
	 */
	ImportResponse importSecrets(UUID appId, String contentType, byte[] body, boolean prune, boolean dryRun) {
		AppScope.require(appId);
		List<ImportEntry> entries = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)
				? this.reader.json(body, prune) : this.reader.dotenv(body, prune);
		return this.imports.sync(appId, entries, prune, dryRun);
	}

	/**
	 * Refuses a query parameter an import does not know: a misspelled {@code dryrun=true}
	 * would otherwise write what was meant as a trial.
	 */
	static void requireKnown(java.util.Set<String> parameters) {
		for (String name : parameters) {
			if (!"prune".equals(name) && !"dryRun".equals(name)) {
				throw InvalidRequestException.parameter(name.substring(0, Math.min(name.length(), 64)),
						"is not a parameter of an import: prune and dryRun are");
			}
		}
	}

	/**
	 * A true-or-false query parameter, strictly: absent is false, and anything but
	 * {@code true} or {@code false} (an empty {@code dryRun=} too) is a 400 rather than a
	 * guess.
	 */
	static boolean flag(String name, String text) {
		if (text == null || "false".equals(text)) {
			return false;
		}
		if ("true".equals(text)) {
			return true;
		}
		throw InvalidRequestException.parameter(name, "must be true or false");
	}

}
