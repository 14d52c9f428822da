/**
 * The service's connection to PostgreSQL: fail fast while it is known to be down.
 */
package dev.appsecrets.database;
