package org.zeromq.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Raw JeroMQ sockets that play the other end of a declared socket in a test, set up so that a
 * test fails instead of hanging: loopback only, receive and send timeouts of {@link #TIMEOUT},
 * no linger so that closing never waits, and a short handshake interval.
 * <p>
 * On a context of their own, as a peer process would have, which they close
 * ({@link #PeerSockets()}), or on the application's context for inproc peers
 * ({@link #on(ZContext)}), which they leave open.
 */
public final class PeerSockets implements AutoCloseable {

	/**
	 * The receive and send timeout of every peer socket, and the bound of any wait that includes
	 * a tcp connection coming up. It covers a stalled handshake (see below; the starter's own
	 * sockets drop one after their {@code handshake-interval}, 3 s by default), the
	 * reconnect, and a second stall in a row. Messages queued on the connecting side survive a
	 * stall and arrive late, so a test that waited less would fail on JeroMQ's stall rather than on
	 * the behaviour it checks. A passing test never waits this long.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(15);

	// In JeroMQ 0.6.0 a connecting socket now and then (a few connections in a hundred on
	// loopback) never starts the ZMTP handshake on a new tcp connection: its I/O thread never
	// polls the new engine, apparently when the connect completes at once and the poller drops
	// the engine's registration with the connecter's. Only the handshake timer ends it and
	// reconnects; its default of 30 s would outlast every wait in the tests.
	private static final int HANDSHAKE_MILLIS = 1000;

	// Monitor endpoints are inproc names, unique in the JVM because peers may share a context.
	private static final AtomicLong monitors = new AtomicLong();

	private final ZContext context;

	private final boolean ownsContext;

	private final List<ZMQ.Socket> sockets = new ArrayList<>();

	/** Peers on a context of their own: they reach declared sockets over tcp. */
	public PeerSockets() {
		this(new ZContext(1), true);
	}

	private PeerSockets(ZContext context, boolean ownsContext) {
		this.context = context;
		this.ownsContext = ownsContext;
	}

	/** Peers on the application's context: they reach declared sockets over inproc too. */
	public static PeerSockets on(ZContext applicationContext) {
		return new PeerSockets(applicationContext, false);
	}

	/** The context the peers live in, for a peer that runs on a thread of its own. */
	public ZContext context() {
		return this.context;
	}

	/** A socket bound to a free loopback port; read it back with {@link ZMQ.Socket#getLastEndpoint()}. */
	public ZMQ.Socket bind(SocketType type) {
		ZMQ.Socket socket = create(type);
		socket.bind("tcp://127.0.0.1:*");
		return socket;
	}

	public ZMQ.Socket connect(SocketType type, String endpoint) {
		ZMQ.Socket socket = create(type);
		socket.connect(endpoint);
		return socket;
	}

	/** A socket with a routing identity, as a ROUTER sees it. */
	public ZMQ.Socket connect(SocketType type, String endpoint, String identity) {
		ZMQ.Socket socket = create(type);
		socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
		socket.connect(endpoint);
		return socket;
	}

	/** A socket set up like the others but neither bound nor connected, for options that must come first. */
	public ZMQ.Socket create(SocketType type) {
		ZMQ.Socket socket = this.context.createSocket(type);
		socket.setLinger(0);
		socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
		socket.setSendTimeOut((int) TIMEOUT.toMillis());
		socket.setHandshakeIvl(HANDSHAKE_MILLIS);
		this.sockets.add(socket);
		return socket;
	}

	/**
	 * A PAIR socket that receives the given events of {@code socket} (see {@link #awaitEvent}).
	 * @param events {@code ZMQ.EVENT_*} flags
	 */
	public ZMQ.Socket monitor(ZMQ.Socket socket, int events) {
		String endpoint = "inproc://peer-monitor-" + monitors.incrementAndGet();
		socket.monitor(endpoint, events);
		return connect(SocketType.PAIR, endpoint);
	}

	/** Reads monitor events until one of the given kind arrives; fails when none does in time. */
	public static void awaitEvent(ZMQ.Socket monitor, int event) {
		for (int seen = 0; seen < 100; seen++) {
			ZMQ.Event received = ZMQ.Event.recv(monitor);
			if (received == null) {
				throw new AssertionError("socket event " + event + " did not come within the monitor's receive timeout");
			}
			if (received.getEvent() == event) {
				return;
			}
		}
		throw new AssertionError("socket event " + event + " did not come among 100 events");
	}

	@Override
	public void close() {
		this.sockets.forEach(ZMQ.Socket::close);
		this.sockets.clear();
		if (this.ownsContext) {
			this.context.close();
		}
	}

}
