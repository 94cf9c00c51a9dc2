package org.zeromq.spring.core;

/** A socket could not bind its endpoint, most often because another process holds the port. */
public class ZmqBindException extends ZmqException {

	private final String socketName;

	private final String endpoint;

	public ZmqBindException(String socketName, String endpoint, Throwable cause) {
		super("Socket '" + socketName + "' could not bind " + endpoint + ": " + cause.getMessage(), cause);
		this.socketName = socketName;
		this.endpoint = endpoint;
	}

	public String socketName() {
		return this.socketName;
	}

	public String endpoint() {
		return this.endpoint;
	}

}
