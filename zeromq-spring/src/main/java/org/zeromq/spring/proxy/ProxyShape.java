package org.zeromq.spring.proxy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.zeromq.spring.core.ZmqSocketType;

/**
 * The three devices of the guide's chapter 2, each a pair of socket types: the front socket
 * faces the side that starts the conversation (clients, publishers, producers), the back socket
 * the side that serves it.
 */
public enum ProxyShape {

	/** Clients' requests in, to workers and back (msgqueue, rrbroker): ROUTER in front, DEALER behind. */
	QUEUE(ZmqSocketType.ROUTER, ZmqSocketType.DEALER),

	/**
	 * Publications in, to subscribers (wuproxy): XSUB in front, XPUB behind; the subscribers'
	 * subscriptions travel back up to the publishers.
	 */
	FORWARDER(ZmqSocketType.XSUB, ZmqSocketType.XPUB),

	/** Tasks in, to workers (a pipeline stage): PULL in front, PUSH behind. */
	STREAMER(ZmqSocketType.PULL, ZmqSocketType.PUSH);

	private final ZmqSocketType frontend;

	private final ZmqSocketType backend;

	ProxyShape(ZmqSocketType frontend, ZmqSocketType backend) {
		this.frontend = frontend;
		this.backend = backend;
	}

	public ZmqSocketType frontend() {
		return this.frontend;
	}

	public ZmqSocketType backend() {
		return this.backend;
	}

	/** The shape whose front and back socket types these are, if one is. */
	public static Optional<ProxyShape> of(ZmqSocketType frontend, ZmqSocketType backend) {
		return Arrays.stream(values()).filter((shape) -> shape.frontend == frontend && shape.backend == backend).findFirst();
	}

	/** The shape a front socket of this type belongs to, if any. */
	static Optional<ProxyShape> withFrontend(ZmqSocketType frontend) {
		return Arrays.stream(values()).filter((shape) -> shape.frontend == frontend).findFirst();
	}

	/** The shape a back socket of this type belongs to, if any. */
	static Optional<ProxyShape> withBackend(ZmqSocketType backend) {
		return Arrays.stream(values()).filter((shape) -> shape.backend == backend).findFirst();
	}

	/** "ROUTER/DEALER (queue), XSUB/XPUB (forwarder) or PULL/PUSH (streamer)", for messages. */
	static String describeAll() {
		String all = Arrays.stream(values()).map(ProxyShape::describe).collect(Collectors.joining(", "));
		int last = all.lastIndexOf(", ");
		return all.substring(0, last) + " or " + all.substring(last + 2);
	}

	String describe() {
		return this.frontend + "/" + this.backend + " (" + name().toLowerCase() + ")";
	}

}
