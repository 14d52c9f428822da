/**
 * The audit log: who read or changed which secret, when and from where; written with the
 * change or before the answer (fail-closed), sealed into a hash chain, queryable and
 * verifiable.
 */
package dev.appsecrets.audit;
