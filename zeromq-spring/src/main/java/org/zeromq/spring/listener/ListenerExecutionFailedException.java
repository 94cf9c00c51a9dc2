package org.zeromq.spring.listener;

import org.zeromq.spring.core.ZmqException;

/** A listener could not process one message. */
public class ListenerExecutionFailedException extends ZmqException {

	private final String listenerId;

	private final String socket;

	public ListenerExecutionFailedException(String listenerId, String socket, Throwable cause) {
		super("Listener '" + listenerId + "' on socket '" + socket + "' failed: " + cause, cause);
		this.listenerId = listenerId;
		this.socket = socket;
	}

	public String listenerId() {
		return this.listenerId;
	}

	public String socket() {
		return this.socket;
	}

}
