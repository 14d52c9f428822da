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
	 * Loads a secret to change it, holding its row lock so concurrent changes apply one
	 * after another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Secret s where s.id = :id and s.appId = :appId")
	Optional<Secret> findForUpdate(UUID id, UUID appId);

}
