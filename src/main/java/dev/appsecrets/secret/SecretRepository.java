package dev.appsecrets.secret;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SecretRepository extends JpaRepository<Secret, UUID> {

	/** The app's secrets by key; the key column's "C" collation orders by code point. */
	List<Secret> findByAppIdOrderByKey(UUID appId);

	Optional<Secret> findByIdAndAppId(UUID id, UUID appId);

	/**
	 * A batch of secrets whose values are not under the given data key (or not encrypted
	 * yet), locked for re-encryption. Rows another transaction holds are skipped, not
	 * waited for, so re-encryption never blocks a caller's write and several instances
	 * can share the work.
	 */
	@Query(value = "SELECT * FROM app_secrets WHERE dek_id IS NULL OR dek_id <> :dataKeyId "
			+ "LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
	List<Secret> lockBatchNotUnder(UUID dataKeyId, int limit);

	/** Same, for the values written before encryption at rest only. */
	@Query(value = "SELECT * FROM app_secrets WHERE dek_id IS NULL LIMIT :limit FOR UPDATE SKIP LOCKED",
			nativeQuery = true)
	List<Secret> lockBatchNotEncrypted(int limit);

	@Query("select s.dataKeyId, count(s) from Secret s group by s.dataKeyId")
	List<Object[]> countPerDataKey();

	/**
	 * Loads a secret to change it, holding its row lock so concurrent changes apply one
	 * after another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.id = :id and s.appId = :appId")
	Optional<Secret> findForUpdate(UUID id, UUID appId);

}
