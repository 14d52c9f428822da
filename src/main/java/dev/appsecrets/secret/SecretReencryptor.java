package dev.appsecrets.secret;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.appsecrets.keyring.ActiveDataKey;
import dev.appsecrets.keyring.DataKeyRing;
import dev.appsecrets.keyring.DataKeyRotated;
import dev.appsecrets.keyring.DataKeyUsage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every value onto the active data key, a batch per transaction. It encrypts the
 * values of a database written before encryption at rest at start-up, before a request is
 * served; after a data-key rotation it re-encrypts in the background, and every instance
 * sweeps periodically, so the work resumes after a restart and finishes whichever
 * instance rotated. Rows are locked while re-sealed, so a concurrent change of a value is
 * never lost.
 */
@Component
class SecretReencryptor implements SmartInitializingSingleton, DisposableBean, DataKeyUsage {

	private static final Log log = LogFactory.getLog(SecretReencryptor.class);

	private final SecretRepository secrets;

	private final SecretValueCodec values;

	private final SecretVersions versions;

	private final DataKeyRing keyRing;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "reencryption");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	private final IntegrityAlerts alerts;

	SecretReencryptor(SecretRepository secrets, SecretValueCodec values, SecretVersions versions, DataKeyRing keyRing,
			TransactionTemplate transactions, ReencryptionSettings settings, IntegrityAlerts alerts) {
		this.alerts = alerts;
		this.secrets = secrets;
		this.versions = versions;
		this.values = values;
		this.keyRing = keyRing;
		this.transactions = transactions;
		this.batchSize = settings.batchSize();
	}

	/**
	 * Encrypts what an older version stored in plain text, before the service takes
	 * requests.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		int encrypted = runBatches(this::upgradeLegacyValues);
		if (encrypted > 0) {
			log.info("Sealed " + encrypted + " secret value(s) stored in an older form (plain text, or not bound to "
					+ "their version)");
		}
		int versioned = runBatches(this::giveFirstVersions);
		if (versioned > 0) {
			log.info("Recorded the current value of " + versioned + " secret(s) stored before versions as a version");
		}
		this.background.execute(this::reencrypt);
	}

	@EventListener
	void onDataKeyRotated(DataKeyRotated event) {
		this.background.execute(this::reencrypt);
	}

	@Scheduled(initialDelayString = "${secrets.reencryption.interval:1m}",
			fixedDelayString = "${secrets.reencryption.interval:1m}")
	void sweep() {
		reencrypt();
	}

	/**
	 * Re-encrypts every value not under the active data key, then drops data keys no
	 * value needs.
	 */
	void reencrypt() {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		try {
			int moved = runBatches(
					() -> resealSecrets((active) -> this.secrets.lockBatchNotUnder(active.id(), this.batchSize)))
					+ runBatches(this::resealVersions);
			int deleted = this.keyRing.deleteUnusedRetiredKeys();
			if (moved > 0 || deleted > 0) {
				log.info("Re-encrypted " + moved + " secret value(s) under the active data key; deleted " + deleted
						+ " retired data key(s) no value needs");
			}
		}
		catch (RuntimeException ex) {
			// Retried by the next sweep; the class only, as messages can hold SQL.
			log.warn("Re-encryption stopped, to be retried: " + ex.getClass().getName());
		}
		finally {
			this.running.set(false);
		}
	}

	/**
	 * One batch of current values re-sealed under the active data key. Values that fail
	 * to decrypt are logged as integrity alerts by the codec and left as they are, so a
	 * batch of only those makes no progress and ends the run.
	 */
	private int resealSecrets(Function<ActiveDataKey, List<Secret>> nextBatch) {
		ActiveDataKey active = this.keyRing.active();
		int count = 0;
		for (Secret secret : nextBatch.apply(active)) {
			try {
				secret.reseal(this.values.sealAgain(secret, active));
				count++;
			}
			catch (SecretUnreadableException ex) {
				// Reported as an integrity alert; left for an operator.
				this.alerts.report(ex);
			}
		}
		return count;
	}

	/**
	 * One batch of the values the migration listed as stored in an older form, sealed
	 * bound to their version. A listed value that does not authenticate stays listed and
	 * is reported; nothing outside the list is ever read as plain text.
	 */
	private int upgradeLegacyValues() {
		ActiveDataKey active = this.keyRing.active();
		int count = 0;
		for (Secret secret : this.secrets.lockBatchLegacy(this.batchSize)) {
			try {
				secret.reseal(this.values.upgradeLegacy(secret, active));
				this.secrets.saveAndFlush(secret);
				this.secrets.upgraded(secret.id());
				count++;
			}
			catch (SecretUnreadableException ex) {
				// Reported as an integrity alert; left for an operator.
				this.alerts.report(ex);
			}
		}
		return count;
	}

	/** Runs batches, each in its own transaction, until one makes no progress. */
	private int runBatches(java.util.function.Supplier<Integer> batch) {
		int total = 0;
		while (true) {
			Integer moved = this.transactions.execute((status) -> batch.get());
			if (moved == null || moved == 0) {
				return total;
			}
			total += moved;
		}
	}

	/** Re-seals one batch of old versions under the active data key. */
	private int resealVersions() {
		ActiveDataKey active = this.keyRing.active();
		int count = 0;
		for (SecretVersions.Sealed version : this.versions.lockBatchNotUnder(active.id(), this.batchSize)) {
			try {
				byte[] plaintext = this.values.openVersion(version, "(version)");
				SecretValueCodec.SealedVersion sealed = this.values.sealVersion(version.appId(), version.secretId(),
						version.version(), plaintext, active);
				this.versions.reseal(version.secretId(), version.version(), sealed.sealedValue(), sealed.dataKeyId());
				count++;
			}
			catch (SecretUnreadableException ex) {
				// Reported as an integrity alert; left for an operator.
				this.alerts.report(ex);
			}
		}
		return count;
	}

	/**
	 * Gives one batch of secrets stored before versions their current value as a version.
	 */
	private int giveFirstVersions() {
		ActiveDataKey active = this.keyRing.active();
		int count = 0;
		for (Secret secret : this.secrets.lockBatchWithoutVersions(this.batchSize)) {
			try {
				byte[] plaintext = this.values.open(secret).getBytes(java.nio.charset.StandardCharsets.UTF_8);
				SecretValueCodec.SealedVersion sealed = this.values.sealVersion(secret.appId(), secret.id(),
						secret.version(), plaintext, active);
				this.versions.add(secret.id(), secret.version(), sealed.sealedValue(), sealed.dataKeyId(),
						secret.updatedAt(), null);
				count++;
			}
			catch (SecretUnreadableException ex) {
				// Reported as an integrity alert; left for an operator.
				this.alerts.report(ex);
			}
		}
		return count;
	}

	@Override
	public Map<UUID, Long> valuesPerDataKey() {
		Map<UUID, Long> counts = new HashMap<>(this.versions.countPerDataKey());
		for (Object[] row : this.secrets.countPerDataKey()) {
			counts.merge((UUID) row[0], (Long) row[1], Long::sum);
		}
		return counts;
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
