package dev.appsecrets.web;

/**
 * The service refuses to start as configured. The message says what is wrong and the
 * action what to set; neither ever holds a key or token.
 */
public class StartupRefusal extends RuntimeException {

	private final String action;

	public StartupRefusal(String message, String action) {
		super(message);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
