package dev.appsecrets.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens. Their two changing columns are written one column at a time, each under a
 * condition, never by saving a whole entity that another transaction may have changed
 * meanwhile: a revocation can therefore never be written back by a stale read.
 */
interface AccessTokenRepository extends JpaRepository<AccessToken, UUID> {

	/**
	 * Records a use of a token that is not revoked and was not marked since
	 * {@code markedBefore}.
	 * @return 1 if marked, else 0
	 */
	@Transactional
	@Modifying
	@Query(value = "UPDATE access_tokens SET last_used_at = :now WHERE id = :id AND revoked_at IS NULL "
			+ "AND (last_used_at IS NULL OR last_used_at < :markedBefore)", nativeQuery = true)
	int markUsed(@Param("id") UUID id, @Param("now") Instant now, @Param("markedBefore") Instant markedBefore);

	/**
	 * Whether every token up the line that issued this one is still usable (not revoked,
	 * not expired). A revocation marks the tokens issued under it, but one issued while
	 * the revocation ran may be missed; this check, made on every use, refuses it all the
	 * same.
	 */
	@Query(value = "WITH RECURSIVE issuers (id, issued_by, revoked_at, expires_at) AS ("
			+ "SELECT id, issued_by, revoked_at, expires_at FROM access_tokens WHERE id = :issuedBy UNION "
			+ "SELECT t.id, t.issued_by, t.revoked_at, t.expires_at FROM access_tokens t "
			+ "JOIN issuers i ON t.id = i.issued_by) "
			+ "SELECT count(*) = 0 FROM issuers WHERE revoked_at IS NOT NULL OR expires_at <= :now", nativeQuery = true)
	boolean issuersUsable(@Param("issuedBy") UUID issuedBy, @Param("now") Instant now);

	/**
	 * Locks a token's row until the transaction ends, and answers whether it is usable:
	 * taken by the revocation (which then waits for tokens being issued under it) and by
	 * issuing (which then sees a revocation that committed first).
	 */
	@Query(value = "SELECT revoked_at IS NULL FROM access_tokens WHERE id = :id FOR UPDATE", nativeQuery = true)
	Optional<Boolean> lockNotRevoked(@Param("id") UUID id);

	/**
	 * Revokes a token and every token issued under it, unless revoked already. Run after
	 * {@link #lockNotRevoked}, as a statement of its own, so that it sees tokens issued
	 * under it up to the lock.
	 * @return how many tokens were revoked now
	 */
	@Modifying
	@Query(value = "WITH RECURSIVE lineage (id) AS (SELECT CAST(:id AS uuid) UNION "
			+ "SELECT t.id FROM access_tokens t JOIN lineage l ON t.issued_by = l.id) "
			+ "UPDATE access_tokens SET revoked_at = :now WHERE id IN (SELECT id FROM lineage) AND revoked_at IS NULL",
			nativeQuery = true)
	int revokeWithLineage(@Param("id") UUID id, @Param("now") Instant now);

	Optional<AccessToken> findByTokenHash(byte[] tokenHash);

	List<AccessToken> findAllByOrderByCreatedAt();

}
