/**
 * The development default: an embedded PostgreSQL under {@code ./data/} when no database
 * is configured.
 */
package dev.appsecrets.embedded;
