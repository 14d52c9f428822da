package dev.appsecrets.database;

import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which schema migrations this start of the service applied. A one-time data upgrade that
 * a migration prepares (sealing the values migration V8 listed) runs only in the start
 * that applied it: rows added to its list later, by anyone who can write the database,
 * are never acted on.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

	private volatile Set<String> appliedNow = Set.of();

	/**
	 * Whether this start applied the migration.
	 * @param version the migration's version, such as {@code "8"}
	 * @return true if Flyway applied it during this start
	 */
	public boolean appliedInThisStart(String version) {
		return this.appliedNow.contains(version);
	}

	@Bean
	FlywayMigrationStrategy recordingMigrationStrategy() {
		return (flyway) -> record(flyway.migrate());
	}

	private void record(MigrateResult result) {
		this.appliedNow = result.migrations.stream()
			.map((migration) -> migration.version)
			.collect(Collectors.toUnmodifiableSet());
	}

}
