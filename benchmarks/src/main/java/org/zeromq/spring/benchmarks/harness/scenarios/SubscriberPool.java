package org.zeromq.spring.benchmarks.harness.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;

/**
 * Raw SUB sockets, all connected to one publisher and subscribed to {@code bench.}, read by a
 * single thread that polls them: the same receiving side for the raw and the starter publisher,
 * and one thread however many subscribers there are (50 receive threads would only measure the
 * scheduler of a 2-core machine). Data messages count in {@link #data()}; a handshake message is
 * only remembered per subscriber, so that the publisher can wait until every subscription is in
 * place.
 */
final class SubscriberPool implements AutoCloseable {

	private static final int POLL_MILLIS = 100;

	// Read per socket before polling again, so that one busy subscriber cannot starve the others.
	private static final int BATCH = 256;

	private final ZContext context = new ZContext();

	private final ZMQ.Socket[] subs;

	private final boolean[] greeted;

	private final CountDownLatch ungreeted;

	private final Arrivals data = new Arrivals();

	private final Thread thread;

	private volatile boolean running = true;

	SubscriberPool(int subscribers, String endpoint) {
		this.subs = new ZMQ.Socket[subscribers];
		this.greeted = new boolean[subscribers];
		this.ungreeted = new CountDownLatch(subscribers);
		for (int i = 0; i < subscribers; i++) {
			this.subs[i] = RawJeromq.socket(this.context, SocketType.SUB);
			this.subs[i].subscribe("bench.".getBytes(StandardCharsets.UTF_8));
			this.subs[i].connect(endpoint);
		}
		// Thread.start() hands the sockets over with the memory barrier a socket changing threads needs.
		this.thread = new Thread(this::run, "raw-sub-pool");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	Arrivals data() {
		return this.data;
	}

	int size() {
		return this.subs.length;
	}

	/** How many subscribers have received a handshake message. */
	int greeted() {
		return this.subs.length - (int) this.ungreeted.getCount();
	}

	/** @return whether every subscriber has received a handshake message within the time */
	boolean awaitGreeted(Duration timeout) throws InterruptedException {
		return this.ungreeted.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void run() {
		ZMQ.Poller poller = this.context.createPoller(this.subs.length);
		try {
			for (ZMQ.Socket sub : this.subs) {
				poller.register(sub, ZMQ.Poller.POLLIN);
			}
			while (this.running) {
				if (poller.poll(POLL_MILLIS) <= 0) {
					continue;
				}
				for (int i = 0; i < this.subs.length; i++) {
					if (poller.pollin(i)) {
						drain(i);
					}
				}
			}
		}
		finally {
			poller.close();
			for (ZMQ.Socket sub : this.subs) {
				sub.close();
			}
		}
	}

	private void drain(int index) {
		ZMQ.Socket sub = this.subs[index];
		for (int n = 0; n < BATCH; n++) {
			byte[] topic = sub.recv(ZMQ.DONTWAIT);
			if (topic == null) {
				return;
			}
			// A message's frames arrive together: the payload is there once the topic is.
			byte[] payload = sub.hasReceiveMore() ? sub.recv(0) : new byte[0];
			if (topic.length == Sinks.DATA_TOPIC.length() && new String(topic, StandardCharsets.UTF_8).equals(Sinks.DATA_TOPIC)) {
				this.data.arrived(payload.length);
			}
			else if (!this.greeted[index]) {
				this.greeted[index] = true;
				this.ungreeted.countDown();
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(10_000);
		this.context.close();
	}

}
