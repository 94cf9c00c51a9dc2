package org.zeromq.spring.core;

/**
 * A send or request did not complete because its socket closed with the application: a caller
 * waiting at the high-water mark, or for a reply, is released at once when the socket closes
 * instead of after its own timeout, and what it sent is not delivered.
 */
public class SocketClosingException extends ZmqSendException {

	public SocketClosingException(String message) {
		super(message);
	}

	public SocketClosingException(String message, Throwable cause) {
		super(message, cause);
	}

}
