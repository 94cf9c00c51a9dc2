package org.zeromq.spring.listener;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * Whether a listener can run on its socket as declared, checked when it registers: each refusal
 * is a {@link ListenerConfigurationException} saying what is wrong and what to change.
 */
final class ListenerSocketCheck {

	static final Set<ZmqSocketType> LISTENABLE = EnumSet.of(ZmqSocketType.REP, ZmqSocketType.ROUTER,
			ZmqSocketType.DEALER, ZmqSocketType.PULL, ZmqSocketType.SUB, ZmqSocketType.XSUB, ZmqSocketType.PAIR);

	// Every worker of these would receive every message (SUB) or compete for one peer (PAIR).
	private static final Set<ZmqSocketType> SINGLE_THREADED = EnumSet.of(ZmqSocketType.SUB, ZmqSocketType.XSUB,
			ZmqSocketType.PAIR);

	private final ListenerEndpoint endpoint;

	private final ZmqSocketRegistry sockets;

	ListenerSocketCheck(ListenerEndpoint endpoint, ZmqSocketRegistry sockets) {
		this.endpoint = endpoint;
		this.sockets = sockets;
	}

	/** The declaration of the listener's socket, or a refusal when there is none. */
	@SuppressWarnings("NullAway") // an UnknownSocketException always says which names are declared
	SocketSpec declared(String socket, String role) {
		try {
			return this.sockets.spec(socket);
		}
		catch (UnknownSocketException ex) {
			throw new ListenerConfigurationException(this.endpoint.describe(), this.endpoint.socket(), ex.getMessage(),
					"declare socket '" + socket + "' (its type, and bind or connect), or name one of " + ex.declared()
							+ " in " + role, ex);
		}
	}

	void check(SocketSpec spec, int concurrency) {
		ZmqSocketType type = spec.type();
		if (type == ZmqSocketType.REQ) {
			throw refuse("socket '" + spec.name() + "' is a REQ socket, which is not a listener type: "
					+ "a REQ sends requests and waits for their replies",
					"send requests with ZmqTemplate.request(...); to serve requests declare a REP or ROUTER socket");
		}
		if (!LISTENABLE.contains(type)) {
			throw refuse("socket '" + spec.name() + "' is a " + type + " socket, which only sends",
					"listen on a socket that receives: " + LISTENABLE);
		}
		if (type == ZmqSocketType.XSUB && spec.subscriptions().isEmpty()) {
			throw refuse("socket '" + spec.name() + "' is an XSUB socket with no 'subscribe' entries, "
					+ "so the listener would receive nothing", "subscribe it to \"\" to receive everything, or to the topic prefixes you want");
		}
		if (concurrency < 1) {
			throw refuse("concurrency must be at least 1, was " + concurrency, "set concurrency to 1 or more");
		}
		if (concurrency > 1 && SINGLE_THREADED.contains(type)) {
			throw refuse("concurrency " + concurrency + " on a " + type
					+ " socket would not share work (each SUB receives every message; a PAIR has one peer)",
					"use concurrency 1");
		}
		if (concurrency > 1 && !spec.isBindSide() && spec.options().get(SocketOption.IDENTITY).isPresent()) {
			throw refuse("identity '" + spec.options().get(SocketOption.IDENTITY).get() + "' with concurrency " + concurrency
					+ ": every socket would connect with that one identity, and a ROUTER peer ignores all but the first",
					"remove identity (each socket then gets its own) or use concurrency 1");
		}
		// A worker replies to the device, not to the client, so the option could never report a
		// client that has gone: accepting it would promise what the listener cannot keep.
		if (concurrency > 1 && spec.isBindSide() && spec.options().get(SocketOption.ROUTER_MANDATORY).orElse(false)) {
			throw refuse("router-mandatory with concurrency " + concurrency
					+ " on a binding ROUTER: its workers reply through a device, not to the client, so a reply to a client "
					+ "that has gone cannot be reported", "remove router-mandatory (the device drops unroutable replies) or use concurrency 1");
		}
		if (concurrency > 1 && spec.isBindSide() && type == ZmqSocketType.DEALER) {
			throw refuse("concurrency on a binding DEALER is not supported", "connect it, or use a ROUTER");
		}
		if (this.endpoint.sendTo() != null && MessageDispatcher.ReplyMode.of(type) == MessageDispatcher.ReplyMode.ALWAYS) {
			throw refuse("a " + type + " listener replies to its requester with its return value, so @SendTo cannot take it",
					"remove @SendTo, or forward with ZmqTemplate inside the method");
		}
	}

	/**
	 * Reserves the listener's socket for its threads; refuses when a proxy or another listener
	 * reserved it first, since a socket belongs to one thread.
	 */
	void reserve(SocketSpec spec) {
		this.sockets.reserve(spec.name(), this.endpoint.describe()).ifPresent((owner) -> {
			throw refuse("socket '" + spec.name() + "' is already used by " + owner,
					"a socket belongs to one thread, so declare another socket for this listener"
							+ " (to watch a proxy's traffic, listen on a socket connected to its capture)");
		});
	}

	void checkTarget(String what, @Nullable String target) {
		if (target == null) {
			return;
		}
		SocketSpec spec = declared(target, what);
		if (!spec.type().canSend() || spec.type() == ZmqSocketType.REQ || spec.type() == ZmqSocketType.REP) {
			throw refuse(what + " socket '" + target + "' is a " + spec.type() + " socket, which cannot take forwarded messages",
					"use a PUSH, PUB, PAIR, DEALER or ROUTER");
		}
		if (target.equals(this.endpoint.socket())) {
			throw refuse(what + " names the listener's own socket '" + target + "'", "name another declared socket");
		}
	}

	ListenerConfigurationException refuse(String problem, String action) {
		return new ListenerConfigurationException(this.endpoint.describe(), this.endpoint.socket(), problem, action);
	}

}
