package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.Frames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw JeroMQ sockets playing the other side of a listener, on a context of their own as a peer
 * process would have. Every socket times out receives and sends, so that a missing message
 * fails the test instead of hanging it.
 */
final class PeerSockets implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = (int) ListenerContextRunner.WAIT.toMillis();

	// In JeroMQ 0.6.0 a connecting socket now and then (a few percent on loopback) never starts
	// the ZMTP handshake on a new tcp connection: its I/O thread never polls the new engine,
	// apparently when the connect completes at once and the poller drops the engine's
	// registration with the connecter's. Only the handshake timer ends it and reconnects; its
	// default of 30 s would outlast every wait in these tests.
	private static final int HANDSHAKE_MILLIS = 500;

	private final ZContext context = new ZContext();

	private int monitors;

	ZMQ.Socket connect(SocketType type, String endpoint) {
		return connect(type, endpoint, null);
	}

	/** A socket with a routing identity, as a ROUTER sees it. */
	ZMQ.Socket connect(SocketType type, String endpoint, String identity) {
		ZMQ.Socket socket = create(type);
		if (identity != null) {
			socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
		}
		socket.setHandshakeIvl(HANDSHAKE_MILLIS);
		socket.connect(endpoint);
		return socket;
	}

	/** A socket bound to a loopback port the system picks; read it back with {@code getLastEndpoint()}. */
	ZMQ.Socket bind(SocketType type) {
		ZMQ.Socket socket = create(type);
		socket.bind(ListenerContextRunner.ANY_TCP);
		return socket;
	}

	/**
	 * A PAIR socket that receives the given events of {@code socket} (see {@link #awaitEvent}).
	 * @param events {@code ZMQ.EVENT_*} flags
	 */
	ZMQ.Socket monitor(ZMQ.Socket socket, int events) {
		String endpoint = "inproc://peer-monitor-" + (++this.monitors);
		socket.monitor(endpoint, events);
		ZMQ.Socket monitor = create(SocketType.PAIR);
		monitor.connect(endpoint);
		return monitor;
	}

	/** Reads monitor events until one of the given kind arrives; fails when none does in time. */
	static void awaitEvent(ZMQ.Socket monitor, int event) {
		for (int seen = 0; seen < 100; seen++) {
			ZMQ.Event received = ZMQ.Event.recv(monitor);
			assertThat(received).as("socket event %d", event).isNotNull();
			if (received.getEvent() == event) {
				return;
			}
		}
		throw new AssertionError("socket event " + event + " did not come among 100 events");
	}

	static void send(ZMQ.Socket socket, String... frames) {
		sendFrames(socket, Arrays.stream(frames).map((frame) -> frame.getBytes(StandardCharsets.UTF_8)).toList());
	}

	static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
		assertThat(Frames.send(socket, frames, 0)).as("sent within the send timeout").isTrue();
	}

	/** The next whole message; fails when none arrives in time. */
	static List<byte[]> receive(ZMQ.Socket socket) {
		List<byte[]> frames = Frames.receive(socket, 0);
		assertThat(frames).as("a message within %d ms", TIMEOUT_MILLIS).isNotNull();
		return frames;
	}

	/** The next whole message, each frame read as UTF-8. */
	static List<String> receiveStrings(ZMQ.Socket socket) {
		return receive(socket).stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

	/** Sends a request and returns the frames of its reply. */
	static List<String> request(ZMQ.Socket socket, String... frames) {
		send(socket, frames);
		return receiveStrings(socket);
	}

	private ZMQ.Socket create(SocketType type) {
		ZMQ.Socket socket = this.context.createSocket(type);
		socket.setReceiveTimeOut(TIMEOUT_MILLIS);
		socket.setSendTimeOut(TIMEOUT_MILLIS);
		return socket;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
