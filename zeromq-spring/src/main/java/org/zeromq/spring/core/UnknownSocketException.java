package org.zeromq.spring.core;

import java.util.List;

/** Thrown when code names a socket that is not declared. */
public class UnknownSocketException extends ZmqException {

	private final String socketName;

	private final List<String> declared;

	public UnknownSocketException(String socketName, List<String> declared) {
		super("No socket named '" + socketName + "' is declared (declared: " + declared + ")");
		this.socketName = socketName;
		this.declared = List.copyOf(declared);
	}

	/** The name that was asked for. */
	public String socketName() {
		return this.socketName;
	}

	/** The names of the sockets that are declared. */
	public List<String> declared() {
		return this.declared;
	}

}
