package bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference of bench/vs-baseline.sh: the same rows as the service's secrets endpoints,
 * read and written with JdbcTemplate and answered in the same JSON shape. No security, no
 * audit, no decryption (the stored bytes are answered as base64).
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

	private static final RowMapper<Secret> SECRET = (row, n) -> new Secret(row.getObject(1, UUID.class),
			row.getObject(2, UUID.class), row.getString(3), Base64.getEncoder().encodeToString(row.getBytes(4)),
			row.getInt(5), row.getTimestamp(6).toInstant(), row.getTimestamp(7).toInstant());

	private static final String COLUMNS = "id, app_id, key, sealed_value, version, created_at, updated_at";

	private final JdbcTemplate jdbc;

	BaselineApplication(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS baseline_secrets (id uuid PRIMARY KEY, app_id uuid NOT NULL, "
				+ "key text NOT NULL, sealed_value bytea NOT NULL, version int NOT NULL, "
				+ "created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, UNIQUE (app_id, key))");
	}

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@GetMapping("/apps/{appId}/secrets")
	Map<String, List<Secret>> list(@PathVariable UUID appId) {
		return Map.of("secrets", this.jdbc.query("SELECT " + COLUMNS
				+ " FROM app_secrets WHERE app_id = ? AND deleted_at IS NULL ORDER BY key", SECRET, appId));
	}

	@GetMapping("/apps/{appId}/secrets/{secretId}")
	Secret get(@PathVariable UUID appId, @PathVariable UUID secretId) {
		return this.jdbc.queryForObject(
				"SELECT " + COLUMNS + " FROM app_secrets WHERE id = ? AND app_id = ? AND deleted_at IS NULL", SECRET,
				secretId, appId);
	}

	@PostMapping("/apps/{appId}/secrets")
	@ResponseStatus(HttpStatus.CREATED)
	Secret create(@PathVariable UUID appId, @RequestBody Map<String, String> body) {
		Instant now = Instant.now();
		UUID id = UUID.randomUUID();
		byte[] value = body.get("value").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc.update("INSERT INTO baseline_secrets (" + COLUMNS + ") VALUES (?, ?, ?, ?, 1, ?, ?)", id, appId,
				body.get("key"), value, Timestamp.from(now), Timestamp.from(now));
		return new Secret(id, appId, body.get("key"), body.get("value"), 1, now, now);
	}

	record Secret(UUID id, UUID appId, String key, String value, int version, Instant createdAt, Instant updatedAt) {
	}

}
