package org.zeromq.spring.autoconfigure.integration;

import org.zeromq.spring.core.ZmqException;

/**
 * A bridge declared under {@code zeromq.integration} that cannot work as written: thrown at
 * startup, naming the property, what is wrong with it and what to write instead.
 */
public class IntegrationBridgeException extends ZmqException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * @param property the full name of the property at fault ({@code zeromq.integration.inbound.tasks.channel})
	 * @param problem what is wrong
	 * @param action what to write instead
	 */
	public IntegrationBridgeException(String property, String problem, String action) {
		super(property + ": " + problem + "; " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	public String property() {
		return this.property;
	}

	public String problem() {
		return this.problem;
	}

	public String action() {
		return this.action;
	}

}
