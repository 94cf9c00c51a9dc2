package org.zeromq.spring.core;

/**
 * What a send does when the socket is at its high-water mark (or has no peer to queue for).
 * ZeroMQ itself either blocks or drops depending on the socket type; the starter makes the
 * choice explicit so that a full queue is never a silent hang.
 */
public enum HwmPolicy {

	/** Wait up to the socket's send-timeout, then fail with {@link ZmqSendException}. */
	BLOCK,

	/** Fail at once with {@link ZmqSendException}. */
	FAIL,

	/** Drop the message, count it, and report {@code false} from the send. */
	DROP

}
