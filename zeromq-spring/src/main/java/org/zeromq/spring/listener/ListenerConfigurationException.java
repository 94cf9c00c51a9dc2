package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.ZmqException;

/**
 * A listener that cannot run as declared (its socket is undeclared or cannot listen, its method
 * has parameters no message can fill, …): thrown at startup, when the listener registers, with
 * what is wrong and what to change, so that the application fails before handling anything.
 */
public class ListenerConfigurationException extends ZmqException {

	private final String listener;

	private final String socket;

	private final String problem;

	private final String action;

	/**
	 * @param listener the listener, as a user recognises it ({@code @ZmqListener Orders.handle (id 'orders')})
	 * @param socket the socket it listens on
	 * @param problem what is wrong
	 * @param action what to change
	 */
	public ListenerConfigurationException(String listener, String socket, String problem, String action) {
		this(listener, socket, problem, action, null);
	}

	/**
	 * @param listener the listener, as a user recognises it
	 * @param socket the socket it listens on
	 * @param problem what is wrong
	 * @param action what to change
	 * @param cause the failure behind it, such as the socket registry's answer for an undeclared socket
	 */
	public ListenerConfigurationException(String listener, String socket, String problem, String action,
			@Nullable Throwable cause) {
		super(listener + ": " + problem + "; " + action, cause);
		this.listener = listener;
		this.socket = socket;
		this.problem = problem;
		this.action = action;
	}

	public String listener() {
		return this.listener;
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
