package org.zeromq.spring.listener;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.Frames;

/**
 * The inproc device between a bound front socket and a listener's worker sockets (the guide's
 * multithreaded server): a ZeroMQ proxy on its own thread, terminated through its control
 * socket, which then closes both its sockets on that thread.
 */
final class ListenerDevice {

	private static final Log logger = LogFactory.getLog(ListenerDevice.class);

	private static final AtomicLong devices = new AtomicLong();

	private final ZMQ.Socket front;

	private final ZMQ.Socket back;

	private final ZMQ.Socket controlReceiver;

	private final ZMQ.Socket controlSender;

	private final String name;

	// Counted down when run() has closed the sockets: the thread comes from an executor.
	private final CountDownLatch ended = new CountDownLatch(1);

	ListenerDevice(String name, ZContext context, ZMQ.Socket front, ZMQ.Socket back) {
		this.front = front;
		this.back = back;
		// Unique per device: a restarted listener's new device must not wait for the old
		// endpoint to be released (JeroMQ does that later, on its reaper thread).
		String controlEndpoint = "inproc://" + name + "-control-" + devices.incrementAndGet();
		this.controlReceiver = context.createSocket(SocketType.PAIR);
		this.controlReceiver.bind(controlEndpoint);
		this.controlSender = context.createSocket(SocketType.PAIR);
		this.controlSender.connect(controlEndpoint);
		this.name = name;
	}

	/** Runs the proxy on a thread of the executor, which it keeps until terminated. */
	void start(Executor executor) {
		executor.execute(this::run);
	}

	/** Terminates the proxy and waits for its thread, bounded. */
	void terminate(long millis) throws InterruptedException {
		// Not blocking: a device that already ended has closed the other end of this PAIR, and a
		// blocking send with no peer would wait forever and hang the application's shutdown.
		this.controlSender.send(ZMQ.PROXY_TERMINATE, ZMQ.DONTWAIT);
		if (!this.ended.await(Math.max(1, millis), TimeUnit.MILLISECONDS)) {
			logger.warn("Device thread " + this.name + " did not stop in time");
		}
		this.controlSender.close();
	}

	// Terminate comes once every worker has stopped, but the proxy may read it in the same poll as
	// the workers' last replies, and then stops without passing them on: pass them on here.
	private void forwardLastReplies() {
		if (this.back.getSocketType() != SocketType.DEALER) {
			return;
		}
		for (List<byte[]> reply = Frames.receive(this.back, ZMQ.DONTWAIT); reply != null; reply = Frames.receive(this.back,
				ZMQ.DONTWAIT)) {
			Frames.send(this.front, reply, ZMQ.DONTWAIT);
		}
	}

	private void run() {
		try {
			if (!ZMQ.proxy(this.front, this.back, null, this.controlReceiver)) {
				logger.error("Device thread " + this.name + " stopped on ZeroMQ error "
						+ this.front.errno() + "/" + this.back.errno() + "; the listener behind it receives nothing more");
				return;
			}
			forwardLastReplies();
		}
		catch (RuntimeException ex) {
			logger.error("Device thread " + this.name + " stopped on an unexpected error", ex);
		}
		finally {
			this.front.close();
			this.back.close();
			this.controlReceiver.close();
			this.ended.countDown();
		}
	}

}
