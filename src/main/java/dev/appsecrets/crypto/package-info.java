/**
 * Cryptographic primitives: AES-256-GCM sealing and the key-encryption key. Knows neither
 * HTTP nor the database, so it is tested alone.
 */
package dev.appsecrets.crypto;
