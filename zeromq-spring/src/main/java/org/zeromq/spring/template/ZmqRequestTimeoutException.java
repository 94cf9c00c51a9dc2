package org.zeromq.spring.template;

import java.time.Duration;

import org.zeromq.spring.core.ZmqException;

/** No reply arrived in time. The socket stays usable; a late reply is discarded. */
public class ZmqRequestTimeoutException extends ZmqException {

	public ZmqRequestTimeoutException(String socket, Duration timeout) {
		super("No reply on socket '" + socket + "' within " + timeout.toMillis() + " ms");
	}

}
