package org.zeromq.spring.listener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.FailureLog;

/**
 * The default: logs each listener's failures through a {@link FailureLog}, so that a peer
 * sending bad messages cannot flood the log: the first failure of each kind (exception type)
 * at WARN with its message, repeats summarised with their count at most once a minute, stack
 * traces at DEBUG, text from the wire escaped. The socket's configured error reply goes out.
 */
public final class LoggingErrorHandler implements ZmqListenerErrorHandler {

	private static final Log logger = LogFactory.getLog(LoggingErrorHandler.class);

	// Listeners are few and long-lived; one entry each.
	private final Map<String, FailureLog> logs = new ConcurrentHashMap<>();

	@Override
	public @Nullable Object handleError(InboundMessage message, ListenerExecutionFailedException failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		this.logs.computeIfAbsent(failure.listenerId(),
				(id) -> new FailureLog(logger, "Listener '" + id + "' on socket '" + failure.socket() + "' failed"))
			.record(cause.getClass().getName(), cause.getMessage(), cause);
		return null;
	}

}
