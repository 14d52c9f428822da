package dev.appsecrets.keyring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a master-key problem at start-up into Spring Boot's plain "APPLICATION FAILED TO
 * START" report: what is wrong and what to set, without a stack trace.
 */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}
