package dev.appsecrets.secret;

import dev.appsecrets.web.SecretValue;

/**
 * One key and value of a bulk import, with the line of the body it came from.
 *
 * @param line the line its key is on, counted from 1
 * @param key the key
 * @param value the value
 */
record ImportEntry(int line, String key, SecretValue value) {

}
