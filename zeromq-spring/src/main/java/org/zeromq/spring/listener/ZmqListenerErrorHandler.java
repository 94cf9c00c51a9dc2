package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * Decides what happens when a listener fails on a message (the handler threw, or the message
 * could not be read). The listener then goes on with the next message whatever this does.
 */
@FunctionalInterface
public interface ZmqListenerErrorHandler {

	/**
	 * @param message the message that failed
	 * @param failure what went wrong, with the listener id and socket
	 * @return the reply to send on a replying socket (REP, ROUTER), or {@code null} for the
	 * socket's configured error reply
	 * @throws Exception to have the failure logged and the configured error reply sent
	 */
	@Nullable Object handleError(InboundMessage message, ListenerExecutionFailedException failure) throws Exception;

}
