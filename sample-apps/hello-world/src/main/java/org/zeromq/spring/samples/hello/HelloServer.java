package org.zeromq.spring.samples.hello;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * The guide's hwserver: answers every request on the {@code hello} REP socket with "World".
 * <p>
 * A stand-in until {@code @ZmqListener} exists, written the way a listener has to work: the
 * socket is claimed from the registry and handed to one thread, which alone receives, replies
 * and finally closes it. Stopping only tells that thread to finish and waits for it; it never
 * interrupts it, because a thread interrupted inside JeroMQ can leave the context unable to
 * close.
 */
@Component
class HelloServer implements SmartLifecycle {

	static final String SOCKET = "hello";

	static final String THREAD_NAME = "hello-server";

	private static final Log logger = LogFactory.getLog(HelloServer.class);

	// Each poll waits at most this long, so the loop notices a stop request within it.
	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final byte[] WORLD = "World".getBytes(StandardCharsets.UTF_8);

	private final ZmqSocketRegistry registry;

	private volatile boolean running;

	private Thread thread;

	HelloServer(ZmqSocketRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Claims the socket and starts the thread that owns it. Runs once: the socket is closed
	 * when the thread ends, so a stopped server cannot start again.
	 */
	@Override
	public synchronized void start() {
		if (this.thread != null) {
			throw new IllegalStateException("The hello server has already run; its socket is closed");
		}
		ZMQ.Socket socket = this.registry.socket(SOCKET).claim("the hello-world server");
		ZContext context = this.registry.factory().context();
		this.running = true;
		this.thread = new Thread(() -> serve(socket, context), THREAD_NAME);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		Thread owner;
		synchronized (this) {
			this.running = false;
			owner = this.thread;
		}
		if (owner == null) {
			return;
		}
		try {
			owner.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (owner.isAlive()) {
			logger.warn("The hello server did not stop within " + STOP_TIMEOUT.toMillis() + " ms");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void serve(ZMQ.Socket socket, ZContext context) {
		try (ZMQ.Poller poller = context.createPoller(1)) {
			poller.register(socket, ZMQ.Poller.POLLIN);
			while (this.running) {
				int ready = poller.poll(POLL_INTERVAL.toMillis());
				if (ready < 0) {
					// The context is terminating; the socket is of no further use.
					break;
				}
				if (ready > 0 && poller.pollin(0)) {
					reply(socket);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.error("The hello server stopped on an error", ex);
		}
		finally {
			socket.close();
		}
	}

	private static void reply(ZMQ.Socket socket) {
		if (socket.recv(ZMQ.DONTWAIT) == null) {
			return;
		}
		// REP has to read the whole request before it may reply; the content does not matter here.
		while (socket.hasReceiveMore()) {
			socket.recv(0);
		}
		socket.send(WORLD, 0);
	}

}
