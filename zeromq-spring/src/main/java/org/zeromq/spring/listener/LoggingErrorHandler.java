package org.zeromq.spring.listener;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

/** The default: log at WARN with the listener and socket, and let the configured error reply go out. */
public final class LoggingErrorHandler implements ZmqListenerErrorHandler {

	private static final Log logger = LogFactory.getLog(LoggingErrorHandler.class);

	@Override
	public @Nullable Object handleError(InboundMessage message, ListenerExecutionFailedException failure) {
		logger.warn(failure.getMessage(), failure.getCause());
		return null;
	}

}
