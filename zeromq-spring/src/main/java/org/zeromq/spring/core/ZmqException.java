package org.zeromq.spring.core;

/** Root of the starter's exceptions, so callers can catch everything ZeroMQ-related at once. */
public class ZmqException extends RuntimeException {

	public ZmqException(String message) {
		super(message);
	}

	public ZmqException(String message, Throwable cause) {
		super(message, cause);
	}

}
