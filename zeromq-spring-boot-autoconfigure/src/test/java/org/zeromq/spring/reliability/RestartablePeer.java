package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

/**
 * A peer process, as far as the application can tell: one socket on a context of its own, bound
 * to a loopback port, owned by a thread of its own, which a test stops (the process goes away,
 * its connections with it) and starts again on the same endpoint. It records every message it
 * receives and, when given a responder, answers each.
 */
final class RestartablePeer implements AutoCloseable {

	private static final Duration REBIND_PATIENCE = Duration.ofSeconds(10);

	private final SocketType type;

	private final Function<List<String>, List<String>> responder;

	private final Queue<String> received = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();

	private String endpoint = "tcp://127.0.0.1:*";

	private Run run;

	private RestartablePeer(SocketType type, Function<List<String>, List<String>> responder) {
		this.type = type;
		this.responder = responder;
	}

	/** A peer that receives and records, or (with a responder) answers each message. */
	static RestartablePeer start(SocketType type, Function<List<String>, List<String>> responder) throws InterruptedException {
		RestartablePeer peer = new RestartablePeer(type, responder);
		peer.start();
		return peer;
	}

	String endpoint() {
		return this.endpoint;
	}

	/** What it received so far, the frames of each message joined by '|'. */
	List<String> received() {
		return List.copyOf(this.received);
	}

	/** Has the peer's thread send this single-frame message (a PUB's publication). */
	void publish(String message) {
		this.outbox.add(message);
	}

	/** Starts it again, bound to the endpoint it had; waits until it is bound. */
	void start() throws InterruptedException {
		if (this.run != null) {
			throw new IllegalStateException("already running");
		}
		this.run = new Run();
		this.run.start();
	}

	/** Ends it the way a process ends: its socket closes at once (no linger), its connections with it. */
	void stop() throws InterruptedException {
		Run current = this.run;
		this.run = null;
		current.stop();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.run != null) {
			stop();
		}
	}

	private final class Run {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final CountDownLatch bound = new CountDownLatch(1);

		private final CountDownLatch ended = new CountDownLatch(1);

		private volatile RuntimeException failure;

		private Thread thread;

		void start() throws InterruptedException {
			this.thread = new Thread(this::serve, "restartable-peer-" + RestartablePeer.this.type);
			this.thread.setDaemon(true);
			this.thread.start();
			if (!this.bound.await(REBIND_PATIENCE.toMillis() + 5000, TimeUnit.MILLISECONDS) || this.failure != null) {
				throw new IllegalStateException("the peer could not bind " + RestartablePeer.this.endpoint, this.failure);
			}
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			if (!this.ended.await(PeerSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("the peer did not stop");
			}
		}

		private void serve() {
			try (ZContext context = new ZContext(1)) {
				ZMQ.Socket socket = context.createSocket(RestartablePeer.this.type);
				socket.setLinger(0);
				socket.setReceiveTimeOut(20);
				socket.setSendTimeOut((int) PeerSockets.TIMEOUT.toMillis());
				if (RestartablePeer.this.type == SocketType.SUB) {
					socket.subscribe(new byte[0]);
				}
				bind(socket);
				this.bound.countDown();
				while (this.running.get()) {
					if (RestartablePeer.this.type == SocketType.PUB) {
						String message = RestartablePeer.this.outbox.poll(20, TimeUnit.MILLISECONDS);
						if (message != null) {
							socket.send(message);
						}
						continue;
					}
					List<byte[]> frames = PeerFrames.receiveWithinTimeout(socket);
					if (frames == null) {
						continue;
					}
					List<String> text = PeerFrames.text(frames);
					RestartablePeer.this.received.add(String.join("|", text));
					if (RestartablePeer.this.responder != null) {
						PeerFrames.send(socket, RestartablePeer.this.responder.apply(text).toArray(String[]::new));
					}
				}
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				this.bound.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.ended.countDown();
			}
		}

		// The port of the first start, again: the old listening socket may take a moment to go.
		private void bind(ZMQ.Socket socket) {
			long deadline = System.nanoTime() + REBIND_PATIENCE.toNanos();
			while (true) {
				try {
					socket.bind(RestartablePeer.this.endpoint);
					RestartablePeer.this.endpoint = socket.getLastEndpoint();
					return;
				}
				catch (ZMQException ex) {
					if (System.nanoTime() - deadline > 0) {
						throw ex;
					}
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
				}
			}
		}

	}

}
