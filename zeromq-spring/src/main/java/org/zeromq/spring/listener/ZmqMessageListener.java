package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * What a listener container calls for each message when the application hands it code of its
 * own instead of an annotated method: Spring Integration's channel adapters and gateways run on
 * the same containers as {@code @ZmqListener} methods this way (owner threads, concurrency,
 * pause and resume, bounded stop), and so can any code that reads {@link InboundMessage}s itself.
 * <p>
 * Called on the container's threads, one message at a time per thread; with {@code concurrency}
 * above 1 several threads call it at once, so it must be thread-safe.
 */
@FunctionalInterface
public interface ZmqMessageListener {

	/**
	 * Handles one message.
	 * @param message the message as received, its envelope already split off
	 * @return the reply, converted as a listener method's return value is (a {@code List} as one
	 * frame per element): a REP or ROUTER socket always answers (one empty frame for
	 * {@code null}), a DEALER or PAIR socket answers when it is not {@code null}, the other
	 * types never
	 * @throws Exception the failure of this message alone: it goes to the container's error
	 * handler, and a REP or ROUTER socket answers with its error reply
	 */
	@Nullable Object onMessage(InboundMessage message) throws Exception;

}
