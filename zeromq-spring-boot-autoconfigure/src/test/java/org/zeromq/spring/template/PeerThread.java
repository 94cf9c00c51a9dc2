package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerFrames;

/**
 * A raw REP or ROUTER peer served by a thread of its own, as a real server would be: the thread
 * creates, binds, uses and closes its socket, and lets a {@link Responder} decide what to send
 * back. It stops when closed (it looks at its stop flag between short receive timeouts, so no
 * interrupt is needed) and in any case after {@link #MAX_LIFETIME}.
 */
final class PeerThread implements AutoCloseable {

	private static final Duration MAX_LIFETIME = Duration.ofMinutes(2);

	private static final int POLL_MILLIS = 50;

	private final ZContext context;

	private final SocketType type;

	private final Responder responder;

	private final CompletableFuture<String> endpoint = new CompletableFuture<>();

	private final List<List<byte[]>> requests = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile Throwable failure;

	private PeerThread(ZContext context, SocketType type, Responder responder) {
		this.context = context;
		this.type = type;
		this.responder = responder;
		this.thread = new Thread(this::serve, "test-peer-" + type);
		this.thread.setDaemon(true);
	}

	/** Starts a peer bound to a free loopback port and waits until it is bound. */
	static PeerThread start(ZContext context, SocketType type, Responder responder) {
		PeerThread peer = new PeerThread(context, type, responder);
		peer.thread.start();
		peer.endpoint();
		return peer;
	}

	String endpoint() {
		return this.endpoint.orTimeout(10, TimeUnit.SECONDS).join();
	}

	/** Every request received so far, as raw frames in arrival order. */
	List<List<byte[]>> requests() {
		return List.copyOf(this.requests);
	}

	private void serve() {
		ZMQ.Socket socket = this.context.createSocket(this.type);
		try {
			// Unbounded queues: a burst of replies must never be dropped at the peer's mark.
			socket.setSndHWM(0);
			socket.setRcvHWM(0);
			socket.setLinger(0);
			socket.setReceiveTimeOut(POLL_MILLIS);
			socket.bind("tcp://127.0.0.1:*");
			this.endpoint.complete(socket.getLastEndpoint());
			long deadline = System.nanoTime() + MAX_LIFETIME.toNanos();
			while (this.running && System.nanoTime() - deadline < 0) {
				List<byte[]> frames = PeerFrames.receiveWithinTimeout(socket);
				if (frames != null) {
					this.requests.add(frames);
					this.responder.respond(PeerRequest.of(frames)).forEach((reply) -> PeerFrames.send(socket, reply));
				}
			}
		}
		catch (Throwable ex) {
			this.failure = ex;
			this.endpoint.completeExceptionally(ex);
		}
		finally {
			socket.close();
		}
	}

	/** Stops the peer and fails the test if the peer itself failed. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(TimeUnit.SECONDS.toMillis(10));
		if (this.thread.isAlive()) {
			throw new AssertionError("Peer thread " + this.thread.getName() + " did not stop");
		}
		if (this.failure != null) {
			throw new AssertionError("Peer thread " + this.thread.getName() + " failed", this.failure);
		}
	}

}
