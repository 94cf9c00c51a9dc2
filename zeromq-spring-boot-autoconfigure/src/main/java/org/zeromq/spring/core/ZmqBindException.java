package org.zeromq.spring.core;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** A socket could not bind its endpoint, most often because another process holds the port. */
public class ZmqBindException extends ZmqException {

	private final String socketName;

	private final String endpoint;

	private final String reason;

	public ZmqBindException(String socketName, String endpoint, Throwable cause) {
		super("Socket '" + socketName + "' could not bind " + endpoint + ": " + reason(cause), cause);
		this.socketName = socketName;
		this.endpoint = endpoint;
		this.reason = reason(cause);
	}

	public String socketName() {
		return this.socketName;
	}

	public String endpoint() {
		return this.endpoint;
	}

	/** Why the bind failed, in words such as "Address already in use". */
	public String reason() {
		return this.reason;
	}

	// JeroMQ reports a taken port as "Errno 48": say what the number means.
	private static String reason(Throwable cause) {
		if (cause instanceof ZMQException zmq) {
			String generic = "Errno " + zmq.getErrorCode();
			String described = describe(zmq.getErrorCode());
			if (described == null) {
				return zmq.getMessage();
			}
			return (zmq.getMessage() == null || zmq.getMessage().equals(generic)) ? described
					: described + " (" + zmq.getMessage() + ")";
		}
		return cause.getMessage();
	}

	private static String describe(int errorCode) {
		try {
			return ZMQ.Error.findByCode(errorCode).getMessage();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
