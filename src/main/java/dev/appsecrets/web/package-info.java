/**
 * What every endpoint shares: problem-detail errors, request limits, strict JSON and the
 * OpenAPI document.
 */
package dev.appsecrets.web;
