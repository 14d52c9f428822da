package dev.appsecrets.secret;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.appsecrets.database.SchemaMigrations;
import dev.appsecrets.keyring.ActiveDataKey;
import dev.appsecrets.keyring.DataKeyRing;
import dev.appsecrets.keyring.DataKeyRotated;
import dev.appsecrets.keyring.DataKeyUsage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
class SecretReencryptor implements SmartInitializingSingleton, DisposableBean, DataKeyUsage, SchedulingConfigurer {

	private static final Log log = LogFactory.getLog(SecretReencryptor.class);

	/** The migration that listed the values stored in older forms. */
	private static final String LEGACY_LISTING_MIGRATION = "8";

	/**
	 * The migration that brought encryption at rest: plain text comes only from before.
	 */
	private static final String ENCRYPTION_MIGRATION = "2";

	private final ResealBatches batches;

	private final DataKeyRing keyRing;

	private final TransactionTemplate transactions;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "reencryption");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean legacyUpgradeDone = new AtomicBoolean();

	private final ReencryptionProperties properties;

	private final SchemaMigrations migrations;

	SecretReencryptor(ResealBatches batches, DataKeyRing keyRing, TransactionTemplate transactions,
			ReencryptionProperties properties, SchemaMigrations migrations) {
		this.migrations = migrations;
		this.batches = batches;
		this.keyRing = keyRing;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Sweeps every {@code secrets.reencryption.interval}. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar
			.addFixedDelayTask(new FixedDelayTask(this::sweep, this.properties.interval(), this.properties.interval()));
	}

	/**
	 * Encrypts what an older version stored in plain text, before the service takes
	 * requests.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		// Only the start that applied migration V8 seals the values it listed, and once.
		int encrypted = (this.migrations.appliedInThisStart(LEGACY_LISTING_MIGRATION)
				&& this.legacyUpgradeDone.compareAndSet(false, true))
						? runBatches((active) -> this.batches.legacyValues(active,
								this.migrations.appliedInThisStart(ENCRYPTION_MIGRATION)))
						: this.transactions.execute((status) -> {
							this.batches.reportLegacyLeftovers();
							return 0;
						});
		if (encrypted > 0) {
			log.info("Sealed " + encrypted + " secret value(s) stored in an older form (plain text, or not bound to "
					+ "their version)");
		}
		int versioned = runBatches(this.batches::firstVersions);
		if (versioned > 0) {
			log.info("Recorded the current value of " + versioned + " secret(s) stored before versions as a version");
		}
		this.background.execute(this::reencrypt);
	}

	@EventListener
	void onDataKeyRotated(DataKeyRotated event) {
		this.background.execute(this::reencrypt);
	}

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
			int moved = runBatches(this.batches::currentValues) + runBatches(this.batches::storedVersions);
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
	 * Runs batches under the active data key, each in its own transaction, until one
	 * makes no progress.
	 */
	private int runBatches(Function<ActiveDataKey, Integer> batch) {
		int total = 0;
		while (true) {
			Integer moved = this.transactions.execute((status) -> batch.apply(this.keyRing.active()));
			if (moved == null || moved == 0) {
				return total;
			}
			total += moved;
		}
	}

	@Override
	public Map<UUID, Long> valuesPerDataKey() {
		return this.batches.valuesPerDataKey();
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
