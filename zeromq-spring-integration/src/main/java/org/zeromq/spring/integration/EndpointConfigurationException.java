package org.zeromq.spring.integration;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.ZmqException;

/**
 * A ZeroMQ channel adapter, gateway or channel that cannot run as declared (its socket is not
 * declared, or is of a type that cannot play its part): thrown when it initialises, with what
 * is wrong and what to change, so that the application fails before any message moves.
 */
public class EndpointConfigurationException extends ZmqException {

	private final String endpoint;

	private final String socket;

	private final String problem;

	private final String action;

	/**
	 * @param endpoint the endpoint, as a user recognises it ({@code zeromq:inbound-gateway 'hello'})
	 * @param socket the declared socket it uses
	 * @param problem what is wrong
	 * @param action what to change
	 * @param cause the failure behind it, or {@code null}
	 */
	public EndpointConfigurationException(String endpoint, String socket, String problem, String action,
			@Nullable Throwable cause) {
		super(endpoint + " on socket '" + socket + "': " + problem + "; " + action, cause);
		this.endpoint = endpoint;
		this.socket = socket;
		this.problem = problem;
		this.action = action;
	}

	public String endpoint() {
		return this.endpoint;
	}

	public String socket() {
		return this.socket;
	}

	public String problem() {
		return this.problem;
	}

	public String action() {
		return this.action;
	}

}
