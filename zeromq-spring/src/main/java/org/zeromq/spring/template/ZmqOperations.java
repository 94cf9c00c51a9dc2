package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;

/**
 * Sending and requesting on declared sockets, from any thread. Payloads are converted to frames
 * ({@code byte[]} as is, {@code String} as UTF-8, other objects as JSON by default).
 * <p>
 * Every send returns {@code true} when the message was queued and {@code false} when the
 * socket's {@code hwm-policy: drop} dropped it at the high-water mark; under {@code block} and
 * {@code fail} a full socket throws {@link org.zeromq.spring.core.ZmqSendException} instead.
 * On a DEALER under {@code block}, "queued" means queued for the socket's owner thread, which
 * hands messages to the socket in the order they were sent; up to send-hwm of them may wait
 * there (beyond that a send waits up to the send-timeout, then throws), and those still waiting
 * when the application closes get the socket's linger to go out.
 */
public interface ZmqOperations {

	/** Sends one frame. */
	boolean send(String socket, Object payload);

	/** Sends a {@code [topic][payload]} envelope: SUB peers filter on the topic frame. */
	boolean send(String socket, String topic, Object payload);

	/** Sends each element as one frame of a single multipart message. */
	boolean sendMultipart(String socket, List<?> frames);

	/**
	 * Sends a message, honouring {@link org.zeromq.spring.core.ZmqHeaders#TOPIC} (envelope) and
	 * {@link org.zeromq.spring.core.ZmqHeaders#IDENTITY} (ROUTER address). A {@code List} payload
	 * is sent as multipart frames.
	 */
	boolean send(String socket, Message<?> message);

	/**
	 * Sends through a ROUTER socket to the peer with this routing identity, as
	 * {@code [identity][""][payload]} (the empty delimiter keeps REQ and REP peers in step).
	 */
	boolean sendTo(String socket, byte[] identity, Object payload);

	/**
	 * Sends a request on a REQ or DEALER socket and waits for its reply.
	 * @throws ZmqRequestTimeoutException when no reply comes within the timeout; the socket
	 * stays usable for the next request
	 */
	<T> T request(String socket, Object payload, Duration timeout, Class<T> replyType);

	/**
	 * {@link #request(String, Object, Duration, Class)} for a generic reply type:
	 * {@code new ParameterizedTypeReference<List<Quote>>() {}} gets a list of {@code Quote}s, the
	 * converter reading the reply with the full type.
	 */
	<T> T request(String socket, Object payload, Duration timeout, ParameterizedTypeReference<T> replyType);

	/**
	 * Sends a request on a DEALER socket without waiting: many requests may be in flight, each
	 * matched to its reply by a correlation frame that any REP or ROUTER peer echoes back.
	 * The future completes exceptionally with {@link ZmqRequestTimeoutException} after the
	 * timeout, or with {@link org.zeromq.spring.core.ZmqException} when the application closes.
	 * Dependent stages run on the socket's thread unless an executor is given: keep them short.
	 */
	<T> CompletableFuture<T> requestAsync(String socket, Object payload, Duration timeout, Class<T> replyType);

	/**
	 * {@link #requestAsync(String, Object, Duration, Class)} for a generic reply type, read by the
	 * converter with the full type.
	 */
	<T> CompletableFuture<T> requestAsync(String socket, Object payload, Duration timeout,
			ParameterizedTypeReference<T> replyType);

	/**
	 * Waits until at least {@code count} peers have completed the ZeroMQ handshake with the
	 * socket: a PUSH deals messages only among the peers connected when it sends, so a sender
	 * that starts before its workers gives them all to the first (the guide's slow joiner). Opens
	 * the declared sockets if nothing has yet.
	 * @return whether they had within the timeout
	 * @throws org.zeromq.spring.core.ZmqException when the socket has only inproc endpoints, for
	 * which ZeroMQ reports no connections
	 */
	default boolean awaitPeers(String socket, int count, Duration timeout) {
		throw new UnsupportedOperationException(getClass().getName() + " does not count peers");
	}

	/**
	 * Waits until at least {@code count} peers of a PUB socket have subscribed, so that what is
	 * published next reaches them: the guide's fix for the slow joiner, as one call. Opens the
	 * declared sockets if nothing has yet. A JeroMQ subscriber whose connection was re-made sends
	 * its subscription again only when its own thread next uses its socket (a listener waiting
	 * to receive does so at once), so until then it is not counted, and would miss a message.
	 * @return whether they had within the timeout
	 * @throws org.zeromq.spring.core.ZmqException when the socket is not a PUB, or has only
	 * inproc endpoints
	 */
	default boolean awaitSubscribers(String socket, int count, Duration timeout) {
		throw new UnsupportedOperationException(getClass().getName() + " does not count subscribers");
	}

}
