package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;

/** Root of the starter's exceptions, so callers can catch everything ZeroMQ-related at once. */
public class ZmqException extends RuntimeException {

	public ZmqException(String message) {
		super(message);
	}

	public ZmqException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
