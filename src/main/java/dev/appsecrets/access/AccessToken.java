package dev.appsecrets.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An API token: its hash, never the token, with what it may do.
 */
@Entity
@Table(name = "access_tokens")
class AccessToken {

	/** lastUsedAt is written at most this often per token, not on every request. */
	private static final long LAST_USED_RESOLUTION_SECONDS = 60;

	@Id
	private UUID id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private byte[] tokenHash;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "text[]")
	private String[] permissions;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "app_ids", columnDefinition = "uuid[]")
	private UUID[] appIds;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected AccessToken() {
	}

	AccessToken(String name, byte[] tokenHash, Set<Permission> permissions, Set<UUID> appIds, Instant expiresAt,
			Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.tokenHash = tokenHash;
		this.permissions = permissions.stream().map(Permission::value).sorted().toArray(String[]::new);
		this.appIds = (appIds != null) ? appIds.toArray(UUID[]::new) : null;
		this.expiresAt = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null;
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	boolean usableAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

	/** Records a use; answers whether the row changed (at most once a minute). */
	boolean markUsed(Instant now) {
		if (this.lastUsedAt != null && this.lastUsedAt.plusSeconds(LAST_USED_RESOLUTION_SECONDS).isAfter(now)) {
			return false;
		}
		this.lastUsedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now.truncatedTo(ChronoUnit.MICROS);
		}
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	Set<Permission> permissions() {
		return Arrays.stream(this.permissions)
			.map(Permission::of)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The apps it is limited to, or null for every app. */
	Set<UUID> appIds() {
		return (this.appIds != null) ? new LinkedHashSet<>(Arrays.asList(this.appIds)) : null;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

}
