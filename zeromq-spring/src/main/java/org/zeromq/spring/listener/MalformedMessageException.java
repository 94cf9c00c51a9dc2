package org.zeromq.spring.listener;

import org.zeromq.spring.core.ZmqException;

/** A received message does not have the frames its socket type requires; it fails alone. */
public class MalformedMessageException extends ZmqException {

	public MalformedMessageException(String message) {
		super(message);
	}

}
