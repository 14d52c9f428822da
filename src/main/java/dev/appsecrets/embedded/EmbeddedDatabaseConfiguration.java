package dev.appsecrets.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.appsecrets.access.DevelopmentAdminToken;
import dev.appsecrets.crypto.LocalKeyEncryptionKey;
import dev.appsecrets.keyring.DevelopmentMasterKey;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL of its own when no database is configured, so that {@code ./mvnw
 * spring-boot:run} works on a machine with nothing but a JDK. Its data lives under
 * {@code secrets.embedded.data-dir} and survives restarts. With
 * {@code SPRING_DATASOURCE_URL} set, none of this runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	/** The admin token file made at this start, if one was: the hint names it. */
	private volatile Path generatedTokenFile;

	private static final Log log = LogFactory.getLog(EmbeddedDatabaseConfiguration.class);

	private static final String DATABASE = "postgres";

	private static final String USER = "postgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
		Files.createDirectories(directory);
		log.warn("No database configured (SPRING_DATASOURCE_URL is unset): starting an EMBEDDED PostgreSQL with its "
				+ "data in " + directory + ". This is for development only; set SPRING_DATASOURCE_URL, "
				+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to use a real PostgreSQL.");
		// Data kept across restarts must survive a crash too, so durability stays on
		// here.
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			// The server's log is forwarded into ours: keep statements and row details
			// out of it.
			.setServerConfig("log_min_error_statement", "panic")
			.setServerConfig("log_error_verbosity", "terse")
			.start();
	}

	/**
	 * A master key for development, generated once into the data directory (readable by
	 * its owner only) when none is configured. Anyone with that directory can read the
	 * secrets: it is for development only, which is why it exists only beside the
	 * embedded database.
	 */
	@Bean
	DevelopmentMasterKey developmentMasterKey(EmbeddedDatabaseProperties properties) throws IOException {
		Path file = properties.dataDir().resolve("master.key").toAbsolutePath().normalize();
		if (createIfMissing(file, LocalKeyEncryptionKey.generateBase64()) != null) {
			log.warn("Generated a DEVELOPMENT master key in " + file + " (SECRETS_MASTER_KEY is unset). Keep this "
					+ "file with ./data: without it the stored secrets cannot be read. Never use it in production.");
		}
		else {
			log.warn("Using the DEVELOPMENT master key in " + file + " (SECRETS_MASTER_KEY is unset)");
		}
		return new DevelopmentMasterKey(file);
	}

	/**
	 * An admin token for development, generated once into the data directory (readable by
	 * its owner only) when none is configured, and shown once, when it is made, as
	 * Vault's dev server shows its root token. Only beside the embedded database.
	 */
	@Bean
	DevelopmentAdminToken developmentAdminToken(EmbeddedDatabaseProperties properties) throws IOException {
		Path file = properties.dataDir().resolve("admin.token").toAbsolutePath().normalize();
		String token = createIfMissing(file, DevelopmentAdminToken.newToken());
		if (token != null) {
			this.generatedTokenFile = file;
			log.warn("Generated a DEVELOPMENT admin token (SECRETS_ADMIN_TOKEN is unset), shown this once and kept in "
					+ file + ":\n\n    " + token + "\n");
		}
		else {
			log.warn("Using the DEVELOPMENT admin token in " + file + " (SECRETS_ADMIN_TOKEN is unset)");
		}
		return new DevelopmentAdminToken(file);
	}

	/**
	 * Once the server listens, says how to call it with a newly generated admin token, on
	 * the port it really listens on ({@code server.port} may be anything, 0 included).
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> adminTokenHint() {
		return (event) -> {
			Path file = this.generatedTokenFile;
			if (file != null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
				log.warn("Try it:\n\n    curl -H \"Authorization: Bearer $(cat " + file + ")\" localhost:"
						+ event.getWebServer().getPort() + "/apps\n");
			}
		};
	}

	/**
	 * Writes the content to a new file readable by its owner only, unless the file
	 * exists.
	 * @return the content if the file was made now, else null
	 */
	private static String createIfMissing(Path file, String content) throws IOException {
		if (Files.exists(file)) {
			return null;
		}
		Files.createDirectories(file.getParent());
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.writeString(file, content + "\n", StandardCharsets.US_ASCII);
		return content;
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return USER;
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
			}

		};
	}

}
