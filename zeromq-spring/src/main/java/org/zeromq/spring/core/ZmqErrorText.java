package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Says in words what a JeroMQ error number means: JeroMQ itself reports "Errno 48". */
final class ZmqErrorText {

	private ZmqErrorText() {
	}

	static @Nullable String of(Throwable cause) {
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

	private static @Nullable String describe(int errorCode) {
		try {
			return ZMQ.Error.findByCode(errorCode).getMessage();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
