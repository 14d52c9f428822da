package dev.appsecrets.keyring;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import dev.appsecrets.audit.AuditedEvent.KeyRotated;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.crypto.Aead;
import dev.appsecrets.crypto.IntegrityException;
import dev.appsecrets.crypto.KeyEncryptionKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys, unwrapped once and kept in memory so that decrypting a value costs one
 * AES-GCM operation and no database round trip. At start-up it checks that the master key
 * opens every data key, re-wraps keys still under a previous master key, and makes the
 * first data key if there is none.
 * <p>
 * Over 200 lines and six collaborators on purpose: start-up checks, re-wrapping under a
 * new master key, rotation and the cache share one advisory lock and one cache, and a
 * master-key rotation is audited at start-up, before event listeners exist, so it writes
 * its audit event itself.
 */
@Service
public class DataKeyRing implements InitializingBean {

	private static final Log log = LogFactory.getLog(DataKeyRing.class);

	private final DataKeyRepository dataKeys;

	private final MasterKeys masterKeys;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<UUID, SecretKey> unwrapped = new ConcurrentHashMap<>();

	DataKeyRing(DataKeyRepository dataKeys, MasterKeys masterKeys, TransactionTemplate transactions,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.audit = audit;
		this.dataKeys = dataKeys;
		this.masterKeys = masterKeys;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		this.transactions.executeWithoutResult((status) -> {
			this.dataKeys.lockKeyRing();
			List<DataKey> all = this.dataKeys.findAllByOrderByCreatedAt();
			requireMasterKeysFor(all);
			int rewrapped = 0;
			for (DataKey dataKey : all) {
				KeyEncryptionKey wrapper = this.masterKeys.byFingerprint(dataKey.masterKeyFingerprint()).orElseThrow();
				byte[] material = unwrap(wrapper, dataKey);
				if (wrapper != this.masterKeys.current()) {
					dataKey.rewrap(this.masterKeys.current().wrap(material, associatedData(dataKey.id())),
							this.masterKeys.current().fingerprint());
					rewrapped++;
				}
				this.unwrapped.put(dataKey.id(), Aead.key(material));
			}
			if (rewrapped > 0) {
				this.audit.record(KeyRotated.masterKey());
				log.info("Re-wrapped " + rewrapped + " data key(s) under master key "
						+ this.masterKeys.current().fingerprint() + "; previous master keys are no longer needed");
			}
			if (all.isEmpty()) {
				createActiveKey();
			}
		});
		log.info("Key ring ready: " + this.unwrapped.size() + " data key(s) under master key "
				+ this.masterKeys.current().fingerprint());
	}

	/**
	 * A wrong master key must stop the service before it reads garbage or writes new data
	 * under a second key, so every data key must be openable by one of the configured
	 * master keys.
	 */
	private void requireMasterKeysFor(List<DataKey> all) {
		Set<String> missing = new TreeSet<>();
		for (DataKey dataKey : all) {
			if (this.masterKeys.byFingerprint(dataKey.masterKeyFingerprint()).isEmpty()) {
				missing.add(dataKey.masterKeyFingerprint());
			}
		}
		if (!missing.isEmpty()) {
			List<String> configured = new ArrayList<>();
			configured.add(this.masterKeys.current().fingerprint() + " (SECRETS_MASTER_KEY)");
			this.masterKeys.previous()
				.forEach((key) -> configured.add(key.fingerprint() + " (SECRETS_PREVIOUS_MASTER_KEYS)"));
			throw new MasterKeyException(
					"The stored data keys are wrapped by the master key with fingerprint " + String.join(", ", missing)
							+ ", which is not configured; configured: " + String.join(", ", configured) + ".",
					"Start with the master key whose fingerprint is " + String.join(", ", missing)
							+ " in SECRETS_MASTER_KEY (or, to rotate it, in SECRETS_PREVIOUS_MASTER_KEYS with the "
							+ "new key in SECRETS_MASTER_KEY).");
		}
	}

	private byte[] unwrap(KeyEncryptionKey wrapper, DataKey dataKey) {
		try {
			return wrapper.unwrap(dataKey.wrappedKey(), associatedData(dataKey.id()));
		}
		catch (IntegrityException ex) {
			throw new MasterKeyException("Data key " + dataKey.id() + " does not open with master key "
					+ wrapper.fingerprint() + ": the stored key was altered.",
					"Restore the data_keys table from a backup.");
		}
	}

	/**
	 * The key new values are encrypted with. Asked of the database each time, so that
	 * every instance switches at once when any of them rotates.
	 * @return the active data key
	 */
	public ActiveDataKey active() {
		UUID id = this.dataKeys.findActiveId().orElseThrow(() -> new IllegalStateException("No active data key"));
		return new ActiveDataKey(id, key(id));
	}

	/**
	 * A data key by id, loaded and unwrapped on first use (another instance may have made
	 * it).
	 * @param id the data key's id
	 * @return the unwrapped key
	 * @throws IntegrityException if there is no such key
	 */
	public SecretKey key(UUID id) {
		SecretKey key = this.unwrapped.get(id);
		if (key != null) {
			return key;
		}
		DataKey dataKey = this.dataKeys.findById(id).orElseThrow(() -> new IntegrityException("unknown data key"));
		KeyEncryptionKey wrapper = this.masterKeys.byFingerprint(dataKey.masterKeyFingerprint())
			.orElseThrow(() -> new IntegrityException("data key wrapped by an unknown master key"));
		SecretKey loaded = Aead.key(wrapper.unwrap(dataKey.wrappedKey(), associatedData(id)));
		this.unwrapped.put(id, loaded);
		return loaded;
	}

	/**
	 * Makes a new data key the active one; values under older keys are re-encrypted in
	 * the background by whoever listens to {@link DataKeyRotated}.
	 * @return the new key's id
	 */
	UUID rotate() {
		UUID id = this.transactions.execute((status) -> {
			this.dataKeys.lockKeyRing();
			this.dataKeys.findByActiveTrue().ifPresent((current) -> {
				current.retire();
				this.dataKeys.saveAndFlush(current);
			});
			UUID created = createActiveKey();
			this.audit.record(KeyRotated.dataKey());
			return created;
		});
		log.info("Data key rotated: " + id + " is now active");
		this.events.publishEvent(new DataKeyRotated(id));
		return id;
	}

	/**
	 * Deletes retired data keys that no value needs any more.
	 * @return how many were deleted
	 */
	public int deleteUnusedRetiredKeys() {
		Integer deleted = this.transactions.execute((status) -> {
			int count = 0;
			for (DataKey dataKey : this.dataKeys.findAllByOrderByCreatedAt()) {
				if (!dataKey.active()) {
					count += this.dataKeys.deleteIfUnused(dataKey.id());
				}
			}
			return count;
		});
		return (deleted != null) ? deleted : 0;
	}

	List<DataKey> all() {
		return this.dataKeys.findAllByOrderByCreatedAt();
	}

	private UUID createActiveKey() {
		UUID id = UUID.randomUUID();
		SecretKey key = Aead.newKey();
		KeyEncryptionKey master = this.masterKeys.current();
		this.dataKeys.saveAndFlush(new DataKey(id, master.wrap(key.getEncoded(), associatedData(id)),
				master.fingerprint(), this.clock.instant()));
		this.unwrapped.put(id, key);
		return id;
	}

	/**
	 * Binds a wrapped data key to its id, so wrapped keys cannot be swapped between rows.
	 */
	private static byte[] associatedData(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
