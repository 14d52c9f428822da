/**
 * Applications, the owners of secrets: create, list, rename and delete them.
 */
package dev.appsecrets.app;
