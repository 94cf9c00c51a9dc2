package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Payload;

/**
 * Many REQ clients driven by one thread: real REQ sockets (JeroMQ sockets are cheap, threads are
 * not), each with one request in flight, polled together; a client whose reply arrives sends its
 * next request at once. The thread that creates it must be the one that runs its rounds and
 * closes it: it owns every socket.
 */
final class RequestClients implements AutoCloseable {

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

	private static final int POLL_MILLIS = 100;

	private final ZContext context = new ZContext();

	private final ZMQ.Socket[] reqs;

	private final ZMQ.Poller poller;

	RequestClients(int clients, String endpoint) {
		this.reqs = new ZMQ.Socket[clients];
		this.poller = this.context.createPoller(clients);
		for (int i = 0; i < clients; i++) {
			this.reqs[i] = RawJeromq.socket(this.context, SocketType.REQ);
			this.reqs[i].connect(endpoint);
			this.poller.register(this.reqs[i], ZMQ.Poller.POLLIN);
		}
	}

	/**
	 * Runs {@code requests} round trips spread over the clients.
	 * @throws IllegalStateException when no reply arrives for {@link #STALL_TIMEOUT}
	 */
	void run(int requests) {
		int sent = 0;
		int received = 0;
		for (int i = 0; i < this.reqs.length && sent < requests; i++) {
			send(this.reqs[i]);
			sent++;
		}
		long lastReply = System.nanoTime();
		while (received < requests) {
			int ready = this.poller.poll(POLL_MILLIS);
			if (ready <= 0) {
				if (System.nanoTime() - lastReply > STALL_TIMEOUT.toNanos()) {
					throw new IllegalStateException((requests - received) + " of " + requests + " replies did not arrive for "
							+ STALL_TIMEOUT.toSeconds() + " s");
				}
				continue;
			}
			lastReply = System.nanoTime();
			for (int i = 0; i < this.reqs.length; i++) {
				if (!this.poller.pollin(i)) {
					continue;
				}
				ZMQ.Socket req = this.reqs[i];
				if (req.recv(ZMQ.DONTWAIT) == null) {
					continue;
				}
				received++;
				if (sent < requests) {
					send(req);
					sent++;
				}
			}
		}
	}

	private static void send(ZMQ.Socket req) {
		if (!req.send(Payload.BYTES_100, 0)) {
			throw new IllegalStateException("a REQ client could not send its request");
		}
	}

	@Override
	public void close() {
		this.poller.close();
		for (ZMQ.Socket req : this.reqs) {
			req.close();
		}
		this.context.close();
	}

}
