package dev.appsecrets.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An application whose secrets the vault keeps.
 */
@Entity
@Table(name = "apps")
class App {

	@Id
	private UUID id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected App() {
	}

	App(String name, Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		// PostgreSQL keeps microseconds: truncate so the answer to a create equals later
		// reads.
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	void rename(String newName, Instant now) {
		if (!this.name.equals(newName)) {
			this.name = newName;
			this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		}
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
