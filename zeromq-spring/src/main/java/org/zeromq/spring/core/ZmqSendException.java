package org.zeromq.spring.core;

/** A message could not be handed to a socket: at the high-water mark, no peer, or the socket is gone. */
public class ZmqSendException extends ZmqException {

	public ZmqSendException(String message) {
		super(message);
	}

	public ZmqSendException(String message, Throwable cause) {
		super(message, cause);
	}

}
