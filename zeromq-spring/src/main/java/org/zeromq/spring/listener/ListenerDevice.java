package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.SocketProxy;
import org.zeromq.spring.core.SocketStatus;

/**
 * The inproc device between a bound front socket and a listener's worker sockets (the guide's
 * multithreaded server): a {@link SocketProxy} on a {@link SocketLoop} of its own, which closes
 * both sockets on its thread when it stops.
 */
final class ListenerDevice {

	private static final Log logger = LogFactory.getLog(ListenerDevice.class);

	private final SocketLoop loop;

	private final SocketProxy proxy;

	/** @param name what log messages call this device */
	ListenerDevice(String name, ZContext context, ZMQ.Socket front, ZMQ.Socket back, SocketStatus status) {
		this.loop = new SocketLoop(context, name);
		this.proxy = new SocketProxy(this.loop, front, back, status::recordUnroutable);
		// The stop comes once every worker has stopped, but their last replies may have reached the
		// back socket in the same moment: pass them on before the front socket closes.
		this.loop.onStop(this.proxy::flushBackToFront);
	}

	void start(Executor executor) {
		this.loop.start(executor);
	}

	/**
	 * The first act of a stop: passes what the front socket holds on to the workers and takes
	 * nothing more from it. The future completes once done, or at once when the device has
	 * stopped.
	 */
	CompletableFuture<Void> closeFront() {
		return this.loop.submit(this.proxy::closeFront);
	}

	/** Stops the device and waits for it to close its sockets, bounded. */
	void terminate(Duration timeout) throws InterruptedException {
		this.loop.stop();
		if (!this.loop.awaitTermination(timeout)) {
			logger.warn("The " + this.loop.name() + " did not stop within " + timeout);
		}
	}

}
