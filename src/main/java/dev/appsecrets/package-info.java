/**
 * App Secrets Vault, a REST service that keeps application secrets in PostgreSQL.
 */
package dev.appsecrets;
