package dev.appsecrets.access;

/**
 * The separate budgets a request can draw on. Its name is the policy name of the
 * {@code RateLimit} and {@code RateLimit-Policy} headers and the setting's name.
 */
enum RateLimitBudget {

	/** Per caller: requests whose answer can carry values. */
	VALUE_READS("value-reads"),
	/** Per caller: requests that change something. */
	WRITES("writes"),
	/** Per caller: every other request. */
	OTHER("other"),
	/** Per client address: requests that fail authentication. */
	FAILED_AUTH("failed-auth");

	private final String policy;

	RateLimitBudget(String policy) {
		this.policy = policy;
	}

	String policy() {
		return this.policy;
	}

}
