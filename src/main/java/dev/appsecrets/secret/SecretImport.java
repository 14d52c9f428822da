package dev.appsecrets.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.app.AppNotFoundException;
import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.audit.AuditedEvent;
import dev.appsecrets.audit.AuditedEvent.SecretTouched;
import dev.appsecrets.audit.AuditedEvent.SecretsImported;
import dev.appsecrets.caller.AppScope;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import and sync of an app's secrets: upserts by key in one transaction, each
 * changed value a new version and each unchanged one untouched; with {@code prune},
 * deletes (recoverably) the keys that are absent. Imports of the same app run one at a
 * time.
 * <p>
 * Whether a value is unchanged is only decided for a caller that may read the app's
 * values: for a write-only caller every given key that exists gets a new version, so the
 * answer never tells it whether a guess was the stored value.
 */
@Service
class SecretImport {

	private final SecretChanges changes;

	private final SecretBatch batch;

	private final AuditLog audit;

	private final Clock clock;

	SecretImport(SecretChanges changes, SecretBatch batch, AuditLog audit, Clock clock) {
		this.changes = changes;
		this.batch = batch;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	ImportResponse sync(UUID appId, List<ImportEntry> entries, boolean prune, boolean dryRun) {
		AppScope.require(appId);
		if (prune && !AppScope.mayListNames(appId)) {
			throw new AccessDeniedException("prune=true deletes keys the caller did not name: it needs secrets:list "
					+ "or secrets:read on the app");
		}
		this.changes.requireApp(appId);
		Map<String, Secret> current = this.batch.lockApp(appId);
		boolean compare = AppScope.mayReadValues(appId);
		List<ImportEntry> toCreate = new ArrayList<>();
		List<SecretBatch.Change> toChange = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		Set<String> given = new HashSet<>();
		for (ImportEntry entry : entries) {
			given.add(entry.key());
			Secret existing = current.get(entry.key());
			if (existing == null) {
				toCreate.add(entry);
			}
			else if (compare && this.changes.open(existing).reveal().equals(entry.value().reveal())) {
				unchanged.add(entry.key());
			}
			else {
				toChange.add(new SecretBatch.Change(existing, entry.value()));
			}
		}
		List<Secret> toDelete = prune ? current.values().stream().filter((s) -> !given.contains(s.key())).toList()
				: List.of();
		ImportResponse answer = ImportResponse.of(dryRun, sorted(toCreate.stream().map(ImportEntry::key).toList()),
				sorted(toChange.stream().map((change) -> change.secret().key()).toList()), sorted(unchanged),
				sorted(toDelete.stream().map(Secret::key).toList()));
		if (dryRun) {
			// It compared values, so it is a read of them: audited, as an import that
			// changed none.
			this.audit.record(new SecretsImported(appId, 0));
		}
		else {
			write(appId, toCreate, toChange, toDelete);
		}
		return answer;
	}

	private void write(UUID appId, List<ImportEntry> toCreate, List<SecretBatch.Change> toChange,
			List<Secret> toDelete) {
		Instant now = this.clock.instant();
		List<AuditedEvent> events = new ArrayList<>();
		try {
			for (Secret created : this.batch.createAll(appId, toCreate, now)) {
				events.add(SecretTouched.as(AuditActions.SECRET_CREATE, appId, created.id(), created.key()));
			}
		}
		catch (DuplicateKeyException ex) {
			// A secret created meanwhile by a request that is not an import.
			throw new SecretKeyTakenException("one of the imported keys (created meanwhile: import again)");
		}
		catch (DataIntegrityViolationException ex) {
			// The app deleted meanwhile: its foreign key. The transaction is aborted, so
			// nothing more is asked of the database.
			throw new AppNotFoundException(appId);
		}
		this.batch.changeAll(toChange, now);
		toChange.forEach((change) -> events
			.add(SecretTouched.as(AuditActions.SECRET_UPDATE, appId, change.secret().id(), change.secret().key())));
		for (Secret deleted : toDelete) {
			deleted.delete(now);
			events.add(SecretTouched.as(AuditActions.SECRET_DELETE, appId, deleted.id(), deleted.key()));
		}
		this.batch.flush();
		events.add(new SecretsImported(appId, toCreate.size() + toChange.size() + toDelete.size()));
		this.audit.recordAll(events);
	}

	private static List<String> sorted(List<String> keys) {
		return keys.stream().sorted(Comparator.naturalOrder()).toList();
	}

}
