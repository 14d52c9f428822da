/**
 * Data keys and the master key that wraps them: the key ring that the secret values are
 * encrypted with, its rotation, and the {@code /admin/encryption} endpoints.
 */
package dev.appsecrets.keyring;
