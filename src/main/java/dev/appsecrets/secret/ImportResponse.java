package dev.appsecrets.secret;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a bulk import did, or would do with {@code dryRun=true}: the keys it created,
 * updated (a new version), left unchanged and deleted, counted and listed in key order.
 */
@Schema(name = "ImportResult")
record ImportResponse(@Schema(description = "true if nothing was written (dryRun=true)") boolean dryRun, Counts counts,
		@Schema(description = "Keys created, at version 1") List<String> created,
		@Schema(description = "Keys given a new value, as a new version") List<String> updated,
		@Schema(description = "Keys whose value was already the one given: not touched") List<String> unchanged,
		@Schema(description = "Keys deleted (recoverably) because they were absent, with prune=true") List<String> deleted) {

	/** How many keys of each kind. */
	record Counts(int created, int updated, int unchanged, int deleted) {

	}

	static ImportResponse of(boolean dryRun, List<String> created, List<String> updated, List<String> unchanged,
			List<String> deleted) {
		return new ImportResponse(dryRun, new Counts(created.size(), updated.size(), unchanged.size(), deleted.size()),
				created, updated, unchanged, deleted);
	}

}
