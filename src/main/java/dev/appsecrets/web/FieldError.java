package dev.appsecrets.web;

/**
 * One entry of a validation problem's {@code errors} array: which field, and what is
 * wrong with it. The message never repeats the rejected value, which may be a secret.
 */
record FieldError(String field, String message) {
}
