package org.zeromq.spring.listener;

import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.Frames;
import org.zeromq.spring.core.Wakeup;

/**
 * One thread that owns one listening socket: it polls the socket together with a wake-up
 * socket, so that it idles without CPU, reacts at once to a message and stops at once without
 * an interrupt; it handles messages on its own thread, replies on the same socket, and closes
 * the socket itself when it stops.
 */
final class ListenerWorker {

	private static final Log logger = LogFactory.getLog(ListenerWorker.class);

	// Messages handled per wake-up before polling again; draining without polling is what makes a
	// busy listener cheap (a JeroMQ poll allocates a map and selects twice).
	private static final int BATCH = 256;

	// How long a drain waits for the next message before going back to the poll. Measured: with a
	// steady stream the queue is often empty for a few microseconds between messages, and going
	// back to the poll each time took over half the listener's CPU (raw JeroMQ loops block in
	// recv instead). A blocking receive waits as cheaply as the raw loop and ends at once when a
	// message comes. 5 ms rather than 1: request/reply p99 was 6–8× raw JeroMQ's with 1 ms (every
	// client pause of a millisecond sent the listener through the poll) and 1.04× with 5 ms. It
	// delays a stop by 5 ms at most; pause() waits for the worker, so it stays exact.
	private static final int NEXT_MESSAGE_WAIT_MILLIS = 5;

	private final ZContext context;

	private final ZMQ.Socket socket;

	private final MessageDispatcher dispatcher;

	private final Wakeup wakeup;

	private final String name;

	// Counted down when run() has closed the socket: the thread comes from an executor, so there
	// is no Thread to join.
	private final CountDownLatch ended = new CountDownLatch(1);

	private volatile boolean running = true;

	private volatile boolean paused;

	// Guarded by this: whether the thread has seen the pause and reads nothing more.
	private boolean pauseSeen;

	ListenerWorker(String threadName, ZContext context, ZMQ.Socket socket, MessageDispatcher dispatcher) {
		this.context = context;
		this.socket = socket;
		this.dispatcher = dispatcher;
		this.wakeup = new Wakeup(context, threadName);
		this.name = threadName;
	}

	/** Runs the worker on a thread of the executor, which it keeps until it stops. */
	void start(Executor executor) {
		executor.execute(this::run);
	}

	/** Stops taking messages; the message being handled, if any, finishes first. */
	void requestStop() {
		this.running = false;
		this.wakeup.signal();
	}

	void setPaused(boolean paused) {
		this.paused = paused;
		this.wakeup.signal();
	}

	/**
	 * Waits until the thread has seen a pause, so that nothing sent after {@code pause()}
	 * returns is handled. Bounded: the thread may be in a handler.
	 */
	synchronized void awaitPauseSeen(long millis) throws InterruptedException {
		long deadline = System.nanoTime() + millis * 1_000_000;
		while (this.paused && !this.pauseSeen && this.ended.getCount() > 0) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return;
			}
			wait(left);
		}
	}

	private synchronized void seePause(boolean paused) {
		if (this.pauseSeen != paused) {
			this.pauseSeen = paused;
			notifyAll();
		}
	}

	/** @return whether the thread ended within the time */
	boolean awaitStop(long millis) throws InterruptedException {
		return this.ended.await(Math.max(1, millis), TimeUnit.MILLISECONDS);
	}

	private void run() {
		Selector selector = this.context.createSelector();
		ZMQ.PollItem[] listening = { new ZMQ.PollItem(this.wakeup.receiver(), ZMQ.Poller.POLLIN),
				new ZMQ.PollItem(this.socket, ZMQ.Poller.POLLIN) };
		ZMQ.PollItem[] pausedItems = { listening[0] };
		try {
			// The listener is this socket's only user, and never waits on it except in drain().
			this.socket.setReceiveTimeOut(NEXT_MESSAGE_WAIT_MILLIS);
			while (this.running) {
				boolean paused = this.paused;
				seePause(paused);
				if (ZMQ.poll(selector, paused ? pausedItems : listening, -1) < 0) {
					break;
				}
				if (listening[0].isReadable()) {
					this.wakeup.drain();
				}
				if (!paused) {
					drain();
				}
			}
		}
		catch (RuntimeException ex) {
			logger.error("Listener thread " + this.name + " stopped on an unexpected error", ex);
		}
		finally {
			seePause(true);
			this.socket.close();
			this.wakeup.closeReceiver();
			this.context.closeSelector(selector);
			this.wakeup.close();
			this.ended.countDown();
		}
	}

	private void drain() {
		for (int i = 0; i < BATCH && this.running && !this.paused; i++) {
			List<byte[]> frames = Frames.receive(this.socket, 0);
			if (frames == null) {
				return;
			}
			List<byte[]> reply = this.dispatcher.dispatch(frames);
			if (reply != null) {
				sendReply(reply);
			}
		}
	}

	private void sendReply(List<byte[]> reply) {
		try {
			if (!Frames.send(this.socket, reply, 0)) {
				logger.warn("Listener thread " + this.name + " could not send a reply within the send-timeout");
			}
		}
		catch (RuntimeException ex) {
			// e.g. a ROUTER with router-mandatory whose peer is gone: the reply is unroutable.
			logger.warn("Listener thread " + this.name + " could not send a reply: " + ex.getMessage());
		}
	}

}
