package dev.appsecrets.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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
	@Modifying
	@Query(value = "UPDATE access_tokens SET last_used_at = :now WHERE id = :id AND revoked_at IS NULL "
			+ "AND (last_used_at IS NULL OR last_used_at < :markedBefore)", nativeQuery = true)
	int markUsed(@Param("id") UUID id, @Param("now") Instant now, @Param("markedBefore") Instant markedBefore);

	/**
	 * Revokes a token, unless it is revoked already.
	 * @return 1 if revoked now, 0 if it was revoked before
	 */
	@Modifying
	@Query(value = "UPDATE access_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
			nativeQuery = true)
	int revoke(@Param("id") UUID id, @Param("now") Instant now);

	Optional<AccessToken> findByTokenHash(byte[] tokenHash);

	List<AccessToken> findAllByOrderByCreatedAt();

}
