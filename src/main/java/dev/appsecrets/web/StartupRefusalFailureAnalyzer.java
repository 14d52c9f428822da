package dev.appsecrets.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StartupRefusal} into Spring Boot's plain "APPLICATION FAILED TO START"
 * report: what is wrong and what to set, without a stack trace.
 */
class StartupRefusalFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}
