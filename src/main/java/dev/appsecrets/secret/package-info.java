/**
 * The secret variables of an app: create, list, read, change and delete them.
 */
package dev.appsecrets.secret;
