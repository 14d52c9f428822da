package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import dev.appsecrets.app.AppService;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.audit.AuditedEvent.SecretsListed;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.web.SecretValue;

import org.springframework.stereotype.Service;

/**
 * All of an app's current values at once, for the answers that hand them to applications
 * as they read them: an export file, and Spring Cloud Config's environment. Same
 * permission, scope and audit as a list with values.
 */
@Service
class SecretDelivery {

	private final SecretReads reads;

	private final SecretChanges changes;

	private final AppService apps;

	private final AuditLog audit;

	SecretDelivery(SecretReads reads, SecretChanges changes, AppService apps, AuditLog audit) {
		this.reads = reads;
		this.changes = changes;
		this.apps = apps;
		this.audit = audit;
	}

	/**
	 * The app's current values, for a caller holding {@code secrets:read} on it; audited
	 * as a list with values before they are answered.
	 */
	Snapshot snapshot(UUID appId) {
		AppScope.requireValueReader(appId);
		List<Secret> secrets = this.reads.current(appId);
		SortedMap<String, SecretValue> values = new TreeMap<>();
		for (Secret secret : secrets) {
			values.put(secret.key(), this.changes.open(secret));
		}
		this.audit.recordRead(new SecretsListed(appId, secrets.size(), true));
		return new Snapshot(appId, Collections.unmodifiableSortedMap(values), fingerprint(secrets));
	}

	/** The same, for an app named by id or by name ({@link AppService#resolve}). */
	Snapshot snapshot(String idOrName) {
		return snapshot(this.apps.resolve(idOrName));
	}

	/**
	 * Changes whenever a secret is created, deleted, renamed or gets a new value, and
	 * tells nothing about the values themselves.
	 */
	private static String fingerprint(List<Secret> secrets) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Secret secret : secrets) {
				digest.update((secret.id() + ":" + secret.key() + ":" + secret.version() + "\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * An app's current values at one moment.
	 *
	 * @param appId the app
	 * @param values its values by key, in key order
	 * @param version a fingerprint of the secrets' ids, keys and versions
	 */
	record Snapshot(UUID appId, SortedMap<String, SecretValue> values, String version) {

	}

}
