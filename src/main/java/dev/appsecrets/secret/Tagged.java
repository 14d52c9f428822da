package dev.appsecrets.secret;

/**
 * A secret as answered, with the entity tag of the state it shows.
 */
record Tagged(SecretResponse secret, String etag) {
}
