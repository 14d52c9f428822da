package dev.appsecrets.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.appsecrets.caller.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An API token: its hash, never the token, with what it may do. Nothing of it is ever
 * updated through the entity (every column is {@code updatable = false}): its use and its
 * revocation are single-column conditional updates in {@link AccessTokenRepository}, so a
 * stale copy can never write {@code revoked_at} back.
 */
@Entity
@Table(name = "access_tokens")
class AccessToken {

	@Id
	private UUID id;

	@Column(nullable = false, length = 100, updatable = false)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private byte[] tokenHash;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "text[]", updatable = false)
	private String[] permissions;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "app_ids", columnDefinition = "uuid[]", updatable = false)
	private UUID[] appIds;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", updatable = false)
	private Instant expiresAt;

	@Column(name = "last_used_at", updatable = false)
	private Instant lastUsedAt;

	@Column(name = "revoked_at", updatable = false)
	private Instant revokedAt;

	@Column(name = "issued_by", updatable = false)
	private UUID issuedBy;

	protected AccessToken() {
	}

	AccessToken(String name, byte[] tokenHash, Set<Permission> permissions, Set<UUID> appIds, Instant expiresAt,
			Instant now) {
		this(name, tokenHash, permissions, appIds, expiresAt, now, null);
	}

	/**
	 * A token issued by another API token ({@code issuedBy}), or by the admin token or a
	 * JWT caller (null).
	 */
	AccessToken(String name, byte[] tokenHash, Set<Permission> permissions, Set<UUID> appIds, Instant expiresAt,
			Instant now, UUID issuedBy) {
		this.issuedBy = issuedBy;
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

	/** The API token that issued this one, or null. */
	UUID issuedBy() {
		return this.issuedBy;
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

	/**
	 * Whether the token is within the caller's reach: limited to apps that are all the
	 * caller's. An unscoped token is within the reach of unscoped callers only.
	 * @param callerApps the caller's apps, or null for every app
	 */
	boolean within(Set<UUID> callerApps) {
		return callerApps == null || (this.appIds != null && callerApps.containsAll(Arrays.asList(this.appIds)));
	}

}
