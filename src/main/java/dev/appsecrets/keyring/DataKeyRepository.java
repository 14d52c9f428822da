package dev.appsecrets.keyring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DataKeyRepository extends JpaRepository<DataKey, UUID> {

	List<DataKey> findAllByOrderByCreatedAt();

	@Query("select k.id from DataKey k where k.active = true")
	Optional<UUID> findActiveId();

	Optional<DataKey> findByActiveTrue();

	/**
	 * Serializes key-ring changes across every instance sharing the database, for the
	 * length of the current transaction.
	 */
	@Query(value = "SELECT pg_advisory_xact_lock(7262616375)", nativeQuery = true)
	Object lockKeyRing();

	/**
	 * Deletes a retired key that no value uses any more, current or stored version: a key
	 * still referenced is left (the foreign keys would refuse it, and roll back the whole
	 * clean-up with it).
	 */
	@Modifying
	@Query(value = "DELETE FROM data_keys k WHERE k.id = :id AND NOT k.active "
			+ "AND NOT EXISTS (SELECT 1 FROM app_secrets s WHERE s.dek_id = k.id) "
			+ "AND NOT EXISTS (SELECT 1 FROM secret_versions v WHERE v.dek_id = k.id)", nativeQuery = true)
	int deleteIfUnused(UUID id);

}
