/**
 * Who may do what: bearer tokens (the bootstrap admin token, API tokens scoped to apps
 * and permissions, optional JWTs), and the rules of every endpoint.
 */
package dev.appsecrets.access;
