package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.keyring.ActiveDataKey;

import org.springframework.stereotype.Component;

/**
 * One batch at a time, in the caller's transaction, of the values that must be sealed
 * again: current values and stored versions under an old data key, values the migration
 * listed as stored in an older form, and secrets from before versions that need their
 * first. Rows are locked with {@code SKIP LOCKED}, so a caller's write is never waited
 * for nor lost. A value that fails to open is reported and left as it is, so a batch of
 * only those makes no progress and ends the run.
 */
@Component
class ResealBatches {

	private final SecretRepository secrets;

	private final SecretVersions versions;

	private final SecretValueCodec values;

	private final IntegrityAlerts alerts;

	private final int batchSize;

	ResealBatches(SecretRepository secrets, SecretVersions versions, SecretValueCodec values, IntegrityAlerts alerts,
			ReencryptionProperties settings) {
		this.secrets = secrets;
		this.versions = versions;
		this.values = values;
		this.alerts = alerts;
		this.batchSize = settings.batchSize();
	}

	/** Current values not under the active key, sealed under it. */
	int currentValues(ActiveDataKey active) {
		return each(this.secrets.lockBatchNotUnder(active.id(), this.batchSize),
				(secret) -> secret.reseal(this.values.sealAgain(secret, active)));
	}

	/** Stored versions not under the active key, sealed under it. */
	int storedVersions(ActiveDataKey active) {
		return each(this.versions.lockBatchNotUnder(active.id(), this.batchSize), (version) -> {
			byte[] plaintext = this.values.openVersion(version, "(version)");
			SecretValueCodec.SealedVersion sealed = this.values.sealVersion(version.appId(), version.secretId(),
					version.version(), plaintext, active);
			this.versions.reseal(version.secretId(), version.version(), sealed.sealedValue(), sealed.dataKeyId());
		});
	}

	/**
	 * Values the migration listed as stored in an older form, sealed bound to their
	 * version. Nothing outside the list is ever read as plain text, and on it only when
	 * this start encrypts a database from before encryption at rest.
	 */
	int legacyValues(ActiveDataKey active, boolean plainTextExpected) {
		return each(this.secrets.lockBatchLegacy(this.batchSize), (secret) -> {
			secret.reseal(this.values.upgradeLegacy(secret, active, plainTextExpected));
			this.secrets.saveAndFlush(secret);
			this.secrets.upgraded(secret.id());
		});
	}

	/**
	 * Reports the values still listed as legacy when this start did not list them: they
	 * were added to the list afterwards, so they are never sealed, only reported.
	 * @return how many were reported
	 */
	int reportLegacyLeftovers() {
		List<Secret> listed = this.secrets.findLegacy();
		listed.forEach((secret) -> this.alerts.report(new SecretUnreadableException(secret.appId(), secret.id(),
				secret.key(), "the value (listed as stored in an older form after the upgrade that listed them)")));
		return listed.size();
	}

	/** Secrets stored before versions existed, given their current value as a version. */
	int firstVersions(ActiveDataKey active) {
		return each(this.secrets.lockBatchWithoutVersions(this.batchSize), (secret) -> {
			byte[] plaintext = this.values.open(secret).reveal().getBytes(StandardCharsets.UTF_8);
			SecretValueCodec.SealedVersion sealed = this.values.sealVersion(secret.appId(), secret.id(),
					secret.version(), plaintext, active);
			this.versions.add(secret.id(), secret.version(), sealed.sealedValue(), sealed.dataKeyId(),
					secret.updatedAt(), null);
		});
	}

	/** How many stored values, current and versions, each data key seals. */
	Map<UUID, Long> valuesPerDataKey() {
		Map<UUID, Long> counts = new HashMap<>(this.versions.countPerDataKey());
		for (Object[] row : this.secrets.countPerDataKey()) {
			counts.merge((UUID) row[0], (Long) row[1], Long::sum);
		}
		return counts;
	}

	private <T> int each(List<T> batch, Reseal<T> reseal) {
		int count = 0;
		for (T row : batch) {
			try {
				reseal.apply(row);
				count++;
			}
			catch (SecretUnreadableException ex) {
				// Reported as an integrity alert; left for an operator.
				this.alerts.report(ex);
			}
		}
		return count;
	}

	@FunctionalInterface
	private interface Reseal<T> {

		void apply(T row);

	}

}
