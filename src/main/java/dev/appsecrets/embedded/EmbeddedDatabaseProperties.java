package dev.appsecrets.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded development database keeps its files.
 *
 * @param dataDir directory for development-only material; the embedded PostgreSQL's files
 * live in its {@code postgres} subdirectory and survive restarts
 */
@Validated
@ConfigurationProperties("secrets.embedded")
record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir) {
}
