package dev.appsecrets.secret;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SecretRepository extends JpaRepository<Secret, UUID> {

	/** The app's secrets by key; the key column's "C" collation orders by code point. */
	List<Secret> findByAppIdAndDeletedAtIsNullOrderByKey(UUID appId);

	Optional<Secret> findByIdAndAppIdAndDeletedAtIsNull(UUID id, UUID appId);

	/** The app's deleted secrets, still recoverable, by key. */
	List<Secret> findByAppIdAndDeletedAtIsNotNullOrderByKey(UUID appId);

	/** Purges deleted secrets past their recovery window; their versions go with them. */
	@Modifying
	@Transactional
	@Query("delete from Secret s where s.deletedAt < :cutoff")
	int purgeDeletedBefore(Instant cutoff);

	/**
	 * A batch of secrets whose values are not under the given data key (or not encrypted
	 * yet), locked for re-encryption. Rows another transaction holds are skipped, not
	 * waited for, so re-encryption never blocks a caller's write and several instances
	 * can share the work.
	 */
	@Query(value = "SELECT * FROM app_secrets s WHERE s.dek_id <> :dataKeyId "
			+ "AND NOT EXISTS (SELECT 1 FROM legacy_values l WHERE l.secret_id = s.id) "
			+ "LIMIT :limit FOR UPDATE OF s SKIP LOCKED", nativeQuery = true)
	List<Secret> lockBatchNotUnder(UUID dataKeyId, int limit);

	/** Same, for the values written before encryption at rest only. */
	@Query(value = "SELECT s.* FROM app_secrets s JOIN legacy_values l ON l.secret_id = s.id "
			+ "LIMIT :limit FOR UPDATE OF s SKIP LOCKED", nativeQuery = true)
	List<Secret> lockBatchLegacy(int limit);

	/** The secrets listed as holding a value in an older form. */
	@Query(value = "SELECT s.* FROM app_secrets s JOIN legacy_values l ON l.secret_id = s.id", nativeQuery = true)
	List<Secret> findLegacy();

	/** Takes a secret off the list of values in an older form, once it is sealed anew. */
	@Modifying
	@Query(value = "DELETE FROM legacy_values WHERE secret_id = :secretId", nativeQuery = true)
	void upgraded(UUID secretId);

	/**
	 * Secrets stored before versions existed, locked to give them their first version
	 * row.
	 */
	@Query(value = "SELECT * FROM app_secrets s WHERE NOT EXISTS "
			+ "(SELECT 1 FROM secret_versions v WHERE v.secret_id = s.id) LIMIT :limit FOR UPDATE SKIP LOCKED",
			nativeQuery = true)
	List<Secret> lockBatchWithoutVersions(int limit);

	@Query("select s.dataKeyId, count(s) from Secret s group by s.dataKeyId")
	List<Object[]> countPerDataKey();

	/**
	 * Loads a secret to change it, holding its row lock so concurrent changes apply one
	 * after another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.id = :id and s.appId = :appId and s.deletedAt is null")
	Optional<Secret> findForUpdate(UUID id, UUID appId);

	/** Same, deleted or not. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.id = :id and s.appId = :appId")
	Optional<Secret> findAnyForUpdate(UUID id, UUID appId);

	/** The app's current secrets, locked for a bulk import. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.appId = :appId and s.deletedAt is null order by s.key")
	List<Secret> lockAllCurrent(UUID appId);

	/** The app's current secret with the key, locked to change it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.appId = :appId and s.key = :key and s.deletedAt is null")
	Optional<Secret> findCurrentByKeyForUpdate(UUID appId, String key);

}
