/**
 * Who is calling, as every feature needs to know it: the permissions and the app scope of
 * the authenticated caller, read from Spring Security's context, so that services can
 * re-check what the URL rules already decided.
 */
package dev.appsecrets.caller;
